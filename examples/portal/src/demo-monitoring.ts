/**
 * The portal's monitoring and early warning (监测预警), host side: the SQLite device registry
 * beside the store (same file, own tables), the demo devices registered at start, core's
 * `tickDevices` and `runDailyWarning` on the portal's timer (core has no timers), and — only
 * when a broker URL is given — `createSensorIngester` of `@anjian/sensor-mqtt`.
 *
 * `GET /monitoring[?enterprise=<id>]` answers, for each enterprise the reader may see (core's
 * read policy `readScopes`/`canRead`, with the `sensors` pack's domain), its devices with their
 * live state (from `loadState`) and its open warnings (`listWarnings({ status: 'open' })`).
 * Nothing is decided here: states, warnings and levels are core's.
 */
import { compilePack, HAZARD_STATUSES, type Calendar, type Clock, type Directory, type EvidenceStore, type Pack, type Store } from '@anjian/core';
import { collectRoundWork, roundWorkToWarn } from '@anjian/core/rounds';
import { canRead, readScopes } from '@anjian/core/internal';
import { createDeviceTracker, runDailyWarning, SENSORS_PACK_ID, tickDevices, type MonitoringDeps, type RoundWorkSource } from '@anjian/core/monitoring';
import { createSensorIngester, type SensorIngester } from '@anjian/sensor-mqtt';
import { createSqliteDeviceRegistry, type SqliteDeviceRegistry } from '@anjian/store-sqlite';
import { DEMO_DEVICES } from './demo-devices.js';
import { DEMO_USERS } from './demo-users.js';
import { portalProblem } from './portal-problem.js';
import { portalReader } from './portal-reader.js';

/** Options of {@link startDemoMonitoring}. */
export interface DemoMonitoringOptions {
  /** The SQLite file of the store: the registry keeps its own tables in it. */
  path: string;
  store: Store;
  directory: Directory;
  calendar: Calendar;
  clock: Clock;
  /** The portal's packs; the `sensors` pack among them classifies the device conditions. */
  packs: readonly Pack[];
  /** The portal's uploads: a sensor hazard's readings are stored here and attached to its report as a document. */
  evidence?: EvidenceStore;
  /** Scheduler period (ms); 0 = only `runOnce` at start. */
  tickMs: number;
  /** Rounds' coverage for the daily warning (round members overdue or ending soon); none without it. */
  rounds?: () => Promise<RoundWorkSource>;
  /** MQTT broker URL (e.g. `mqtt://127.0.0.1:1883`); without it no ingester runs. */
  mqttUrl?: string;
  /** The ingester's persistent-session client id. Default `anjian-portal`. */
  mqttClientId?: string;
}

/** The running monitoring of the portal. */
export interface DemoMonitoring {
  registry: SqliteDeviceRegistry;
  /** The ingester, when a broker URL was given. */
  ingester: SensorIngester | null;
  /**
   * One scheduler round: `tickDevices` (only with an ingester), then `runDailyWarning` for every enterprise the store,
   * the device registry or the rounds hold something of (an open hazard, an open device warning, round work) and the
   * grid inspectors.
   */
  runOnce(): Promise<void>;
  /** `GET /monitoring` for the signed-in actor. */
  handle(request: Request, actorId: string | null): Promise<Response>;
  stop(): Promise<void>;
}

/** Opens the registry, registers the demo devices, starts the timer and (with a URL) the ingester. */
export async function startDemoMonitoring(options: DemoMonitoringOptions): Promise<DemoMonitoring> {
  const sensors = options.packs.find((p) => p.id === SENSORS_PACK_ID);
  if (!sensors) throw new Error(`the ${SENSORS_PACK_ID} pack did not load (checklists/sensors) / 未加载设备检查表 ${SENSORS_PACK_ID}`);
  const registry = createSqliteDeviceRegistry({ path: options.path });
  let timer: ReturnType<typeof setInterval> | undefined;
  let ingester: SensorIngester | null = null;
  try {
    // Registered once; a data folder from before devices had a reporting interval gets the demo's (its allowance follows it).
    for (const device of DEMO_DEVICES) {
      const registered = await registry.getDevice(device.id);
      if (!registered) await registry.putDevice(device);
      else if (registered.reportIntervalS === undefined) await registry.putDevice({ ...registered, reportIntervalS: device.reportIntervalS });
    }
    const evaluator = compilePack(sensors);
    const deps: MonitoringDeps = {
      registry,
      tracker: createDeviceTracker({ pack: evaluator }),
      chain: {
        store: options.store,
        clock: options.clock,
        directory: options.directory,
        calendar: options.calendar,
        packs: new Map([[SENSORS_PACK_ID, evaluator]]),
        ...(options.evidence === undefined ? {} : { evidence: options.evidence }),
      },
      clock: options.clock,
    };
    const inspectorIds = DEMO_USERS.filter((u) => u.profile.roles.includes('grid')).map((u) => u.profile.id);
    let running: Promise<void> = Promise.resolve();
    const runOnce = () =>
      (running = running.then(async () => {
        try {
          const now = options.clock.now();
          // Without a broker no message can arrive: ticking would declare every device offline after the pack's 30 minutes.
          if (ingester) await tickDevices(deps, now);
          const rounds = options.rounds && (await options.rounds());
          const enterpriseIds = await enterprisesToWarn(options.store, registry, rounds, now);
          await runDailyWarning({ registry, store: options.store, directory: options.directory, ...(rounds ? { rounds } : {}) }, { enterpriseIds, inspectorIds, now });
        } catch (error) {
          console.error('portal: monitoring tick failed / 监测定时任务失败:', error);
        }
      }));
    if (options.mqttUrl) {
      ingester = createSensorIngester({ url: options.mqttUrl, clientId: options.mqttClientId ?? 'anjian-portal', deps });
      const url = options.mqttUrl;
      await ingester.start().catch((error: unknown) => {
        throw new Error(
          `无法连接设备的 MQTT 服务器 ${url}（ANJIAN_MQTT_URL）/ cannot connect to the devices' MQTT broker ${url} (ANJIAN_MQTT_URL): ${error instanceof Error ? error.message : String(error)}`,
        );
      });
    }
    if (options.tickMs > 0) timer = setInterval(() => void runOnce(), options.tickMs);
    const started = ingester;
    return {
      registry,
      ingester: started,
      runOnce,
      handle: (request, actorId) => monitoringAnswer(request, actorId, registry, options.directory, sensors.domain),
      async stop() {
        clearInterval(timer);
        await started?.stop();
        await running;
        registry.close();
      },
    };
  } catch (error) {
    clearInterval(timer);
    await ingester?.stop();
    registry.close();
    throw error;
  }
}

/** Every status but closed: a hazard still open (core's statuses). */
const OPEN_STATUSES = HAZARD_STATUSES.filter((s) => s !== 'closed');

/**
 * The enterprises the daily warning looks at, derived from what is held, never a list of the demo's: each with an open
 * hazard in the store (a deadline passed or near, a notice not answered), an open device warning in the registry, or
 * round work overdue or ending soon. Which of them has something to say, and what, is core's `runDailyWarning`; one
 * the directory does not know is skipped there.
 */
async function enterprisesToWarn(store: Store, registry: SqliteDeviceRegistry, rounds: RoundWorkSource | undefined, now: Date): Promise<string[]> {
  const ids = new Set<string>();
  let after: string | null = null;
  do {
    const page = await store.query({ status: OPEN_STATUSES }, { limit: 500, after });
    for (const h of page.items) ids.add(h.enterpriseId);
    after = page.next;
  } while (after !== null);
  for (const w of await registry.listWarnings({ status: 'open' })) ids.add(w.enterpriseId);
  if (rounds) for (const item of roundWorkToWarn(await collectRoundWork(rounds, now), now, 3)) ids.add(item.enterpriseId);
  return [...ids].sort();
}

async function monitoringAnswer(request: Request, actorId: string | null, registry: SqliteDeviceRegistry, directory: Directory, domain: string): Promise<Response> {
  // 401 without a session, 403 UNKNOWN_ACTOR for a user the API's directory does not know (fail closed, as the API).
  const reader = await portalReader(request, actorId, directory);
  if (!reader.ok) return reader.response;
  const scopes = readScopes(reader.actor);
  // The enterprises that have devices, each as the API's directory registers it: its area decides the read (core's
  // read policy), its name is what the page shows. A device of an enterprise the directory does not know is shown to no one.
  const ids = [...new Set((await registry.listDevices()).map((d) => d.enterpriseId))].sort();
  const registered = (await Promise.all(ids.map((id) => directory.enterprise(id)))).filter((e) => e !== null);
  const readable = registered.filter((e) => canRead(scopes, { enterpriseId: e.id, area: e.area, domain }));
  const wanted = new URL(request.url).searchParams.get('enterprise');
  const shown = wanted === null ? readable : readable.filter((e) => e.id === wanted);
  // Not readable answers like unknown: no hint that another enterprise's devices exist.
  if (wanted !== null && shown.length === 0) return portalProblem(request, 404, 'NOT_FOUND', '没有这家企业，或你无权查看其设备。', 'No such enterprise, or its devices are not yours to see.');
  const enterprises = await Promise.all(
    shown.map(async (e) => {
      const devices = await registry.listDevices({ enterpriseId: e.id });
      const rows = await Promise.all(
        devices.map(async (d) => {
          const s = await registry.loadState(d.id);
          return {
            id: d.id,
            kind: d.kind,
            location: d.location,
            place: d.place,
            disabledAt: d.disabledAt ?? null,
            lastMessageAt: s?.lastMessageAt ?? null,
            state: s ? { alarm: s.alarm, fault: s.fault, batteryLow: s.batteryLow, disabled: s.disabled, reading: s.reading, open: Object.keys(s.open).sort() } : null,
            unit: d.limits?.unit ?? null,
          };
        }),
      );
      return { id: e.id, name: e.name, area: e.area, devices: rows };
    }),
  );
  const warnings = (await Promise.all(shown.map((e) => registry.listWarnings({ enterpriseId: e.id, status: 'open' })))).flat().sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  return Response.json({ enterprises, warnings });
}
