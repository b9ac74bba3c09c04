import type { HazardLevel, LocalizedText } from '../pack/types.js';

/**
 * One device condition's warning: one per device and `sensors` pack item while the
 * condition lasts (a storm of messages updates it), cleared when the item passes again.
 */
export interface DeviceWarning {
  /** `<device>/<item>/<occurrence>`: stable, so a crash and a retry find the same warning. */
  key: string;
  deviceId: string;
  enterpriseId: string;
  /** The `sensors` pack item (the condition), e.g. `SEN-01`. */
  item: string;
  /** The most severe fired rule of the item, e.g. `SEN-01-H2`. */
  rule: string;
  level: HazardLevel;
  title: LocalizedText;
  status: 'open' | 'cleared';
  openedAt: string;
  updatedAt: string;
  clearedAt: string | null;
  /** Messages received from the device while the warning was open (1 when it opened on a message). */
  messages: number;
  /** 1 for the device's first episode of this condition, then 2, 3 … */
  occurrence: number;
  /** The condition recurred within the recurrence window (the pack's `recurring` fact). */
  escalated: boolean;
  /** Hazards the review chain recorded for it (filled in after reporting). */
  hazardIds: string[];
  /**
   * Times the condition cleared and came back within the tracker's flap window (`flapWindowMs`):
   * the same episode reopened — same key, same hazard, nothing reported again. Absent: never.
   */
  flaps?: number;
}

/** One message as the device's record keeps it (the readings attached to a sensor hazard as evidence). */
export interface DeviceReading {
  /** When the server received it (its clock). */
  receivedAt: string;
  messageId: string;
  type: string;
  value?: number;
  /** The unit: the device's registered `limits.unit` (a message's `unit` must equal it; its free-text `note` is not a unit). */
  unit?: string;
  /** When the device says it sent it (as claimed; never used for timing). */
  deviceAt?: string;
}

/** How many of a device's latest messages (other than heartbeats) its state keeps. */
export const RECENT_READINGS = 10;

/** A device's admission bucket (`admitSensorMessage`), kept with its state. */
export interface DeviceAdmission {
  /** Tokens left at `at` (fractional: the bucket refills continuously). */
  tokens: number;
  /** The server's clock at the last decision that was stored. */
  at: string;
  /** The open `FLOOD` warning of the current episode, or `null`. */
  flood: DeviceWarning | null;
  /** Flood episodes so far (the next one's occurrence is this + 1). */
  floods: number;
}

/** What the tracker remembers of one device between messages. */
export interface DeviceState {
  deviceId: string;
  /** Optimistic-concurrency version in the registry (0 before the first save). */
  version: number;
  /** When tracking began (registration or first sight), the server's clock. */
  since: string;
  /** When the last message arrived, by the server's clock (`null`: never). */
  lastMessageAt: string | null;
  alarm: boolean;
  fault: boolean;
  batteryLow: boolean;
  disabled: boolean;
  reading: number | null;
  /** Its latest messages other than heartbeats, oldest first, at most {@link RECENT_READINGS} (absent in states stored before). */
  recent?: DeviceReading[];
  /** Open warnings by item. */
  open: Record<string, DeviceWarning>;
  /** Episodes so far by item (the next occurrence number is this + 1). */
  occurrences: Record<string, number>;
  /** Clear times by item within the recurrence window (older ones are dropped). */
  recentClears: Record<string, string[]>;
  /** The last cleared warning by item, kept for the flap window so that a quick return reopens it (absent in states stored before). */
  reopenable?: Record<string, DeviceWarning>;
  /** The admission bucket (absent before the first admitted message, or with admission off). */
  admission?: DeviceAdmission;
}

/** A fresh state for a device first seen (or registered) at `now`. */
export function initialDeviceState(deviceId: string, now: Date): DeviceState {
  return {
    deviceId,
    version: 0,
    since: now.toISOString(),
    lastMessageAt: null,
    alarm: false,
    fault: false,
    batteryLow: false,
    disabled: false,
    reading: null,
    open: {},
    occurrences: {},
    recentClears: {},
  };
}
