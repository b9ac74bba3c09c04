/**
 * JSON Schemas (2020-12) of the API's bodies, shared by the route table and the OpenAPI
 * document.
 *
 * @module
 */
import { COMMAND_TYPES, HAZARD_LEVELS, HAZARD_STATUSES, ID_PATTERN } from '@anjian/core';
import { EVIDENCE_MEDIA_TYPES } from './evidence-media-type.js';
import type { JsonSchema } from './types.js';

const str = { type: 'string' } as const;
const int = { type: 'integer', minimum: 0 } as const;

/** Text in both languages (`zh-CN` required). */
export const LOCALIZED_TEXT: JsonSchema = {
  type: 'object',
  required: ['zh-CN'],
  properties: { 'zh-CN': str, en: str },
};

/** An issue: code, severity, JSON pointer, bilingual message. */
export const ISSUE: JsonSchema = {
  type: 'object',
  required: ['code', 'severity', 'message'],
  properties: {
    code: str,
    severity: { enum: ['error', 'warning', 'info'] },
    pointer: str,
    message: LOCALIZED_TEXT,
    hint: LOCALIZED_TEXT,
  },
};

/** `application/problem+json` (RFC 9457) with anjian's `code` and optional `issues`. */
export const PROBLEM: JsonSchema = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail', 'code'],
  properties: {
    type: str,
    title: str,
    status: { type: 'integer' },
    detail: str,
    code: { type: 'string', pattern: '^[A-Z][A-Z0-9_]*$' },
    issues: { type: 'array', items: ISSUE },
  },
};

/** A row of the hazard list. */
export const HAZARD_SUMMARY: JsonSchema = {
  type: 'object',
  required: ['hazardId', 'version', 'status', 'level', 'provisional', 'domain', 'area', 'enterpriseId', 'deadline', 'createdAt', 'updatedAt'],
  properties: {
    hazardId: str,
    version: int,
    status: { enum: [...HAZARD_STATUSES] },
    level: { enum: [...HAZARD_LEVELS] },
    provisional: { type: 'boolean' },
    domain: str,
    area: str,
    enterpriseId: str,
    deadline: { type: ['string', 'null'] },
    createdAt: str,
    updatedAt: str,
  },
};

/** One audit-trail event as stored. */
export const STORED_EVENT: JsonSchema = {
  type: 'object',
  required: ['id', 'hazardId', 'version', 'type', 'actor', 'commandId', 'recordedAt', 'occurredAt', 'data', 'prevHash', 'hash', 'seq'],
  properties: {
    id: str,
    hazardId: str,
    version: { type: 'integer', minimum: 1 },
    type: str,
    actor: { type: 'object', required: ['id', 'role'], properties: { id: str, role: str } },
    commandId: str,
    recordedAt: str,
    occurredAt: str,
    pack: { type: 'object', properties: { id: str, version: str } },
    data: { type: 'object' },
    prevHash: str,
    hash: str,
    seq: { type: 'integer', minimum: 1 },
  },
};

/** References to uploads (`POST /evidence`, `POST /hazards/{id}/evidence`): id and what it shows, nothing else. */
export const EVIDENCE_LIST: JsonSchema = {
  type: 'array',
  maxItems: 60,
  items: {
    type: 'object',
    required: ['id', 'kind'],
    properties: { id: { type: 'string', pattern: ID_PATTERN.source }, kind: { enum: ['photo_before', 'photo_after', 'document'] } },
    additionalProperties: false,
  },
};

/** An upload as the evidence store records it; hash, type, size and receipt time are the server's. */
export const EVIDENCE_RECORD: JsonSchema = {
  type: 'object',
  required: ['id', 'sha256', 'mime', 'size', 'hazardId', 'receivedAt'],
  properties: {
    id: str,
    sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
    mime: { enum: [...EVIDENCE_MEDIA_TYPES] },
    size: int,
    uploaderId: str,
    hazardId: { type: ['string', 'null'] },
    receivedAt: str,
    claimedTakenAt: str,
  },
};

/** A page of hazards. */
export const HAZARD_PAGE: JsonSchema = {
  type: 'object',
  required: ['items', 'next'],
  properties: { items: { type: 'array', items: HAZARD_SUMMARY }, next: { type: ['string', 'null'] } },
};

/** A hazard's folded state and its history. */
export const HAZARD_DETAIL: JsonSchema = {
  type: 'object',
  required: ['state', 'history'],
  properties: {
    state: {
      type: 'object',
      required: ['hazardId', 'version', 'status', 'level', 'provisional', 'title', 'domain', 'area', 'enterpriseId'],
      properties: { hazardId: str, version: int, status: { enum: [...HAZARD_STATUSES] }, level: { enum: [...HAZARD_LEVELS] }, provisional: { type: 'boolean' }, title: LOCALIZED_TEXT, domain: str, area: str, enterpriseId: str },
    },
    history: { type: 'array', items: STORED_EVENT },
  },
};

/**
 * A command of the review chain, without `hazardId` and `commandId` (path and
 * `Idempotency-Key`). Core's `parseCommand` checks the exact shape of each type (unknown
 * keys refused); `report` is not accepted here (hazards come from `POST /inspections`).
 */
export const COMMAND_BODY: JsonSchema = {
  type: 'object',
  required: ['type'],
  properties: {
    type: { enum: COMMAND_TYPES.filter((t) => t !== 'report') },
    expectedVersion: { type: 'integer', minimum: 0, maximum: 1_000_000_000 },
    occurredAt: str,
    reason: LOCALIZED_TEXT,
    note: LOCALIZED_TEXT,
    level: { enum: [...HAZARD_LEVELS] },
    evidence: EVIDENCE_LIST,
  },
  additionalProperties: true,
};

/** What an accepted (or replayed) command answers: the events it wrote. */
export const COMMAND_RESULT: JsonSchema = {
  type: 'object',
  required: ['hazardId', 'version', 'events'],
  properties: { hazardId: str, version: int, events: { type: 'array', items: STORED_EVENT } },
};

/** An inspection: the answers recorded against one pack. */
export const INSPECTION: JsonSchema = {
  type: 'object',
  required: ['pack', 'findings'],
  properties: {
    pack: str,
    premises: str,
    inspectedAt: str,
    source: { description: 'derived from the actor\'s role; when given it must agree', enum: ['self_check', 'grid_patrol', 'enforcement', 'sensor', 'permit'] },
    subject: {
      type: 'object',
      properties: {
        id: str,
        enterpriseId: { type: 'string', description: 'the inspected enterprise (report=true); its area comes from the directory' },
        unitId: str,
        name: str,
        address: str,
        area: { type: 'string', description: 'ignored for classification; with report=true it must equal the registered area' },
      },
    },
    findings: { type: 'object' },
    evidence: {
      description: 'unbound uploads of the reporter (POST /evidence): a list when at most one hazard is found, else lists by rule id',
      oneOf: [EVIDENCE_LIST, { type: 'object', additionalProperties: EVIDENCE_LIST }],
    },
    fixedOnSpot: { type: 'array', items: str, description: 'rule ids of simple hazards fixed on the spot' },
  },
};

/** The classification of an inspection, its warnings, and (with `?report=true`) the reported hazards. */
export const INSPECTION_RESULT: JsonSchema = {
  type: 'object',
  required: ['classification', 'warnings'],
  properties: {
    classification: {
      type: 'object',
      required: ['pack', 'items', 'hazards', 'summary'],
      properties: { pack: { type: 'object' }, items: { type: 'array' }, hazards: { type: 'array' }, summary: { type: 'object' } },
    },
    warnings: { type: 'array', items: ISSUE },
    reports: {
      type: 'array',
      items: {
        type: 'object',
        required: ['rule', 'hazardId', 'ok'],
        properties: { rule: str, hazardId: str, ok: { type: 'boolean' }, version: int, replayed: { type: 'boolean' }, rejection: { type: 'object' } },
      },
    },
  },
};

/** Counts for a dashboard. */
export const STATS: JsonSchema = {
  type: 'object',
  required: ['total', 'byLevel', 'byStatus', 'byDomain', 'closed', 'closureRate', 'overdue'],
  properties: {
    total: int,
    byLevel: { type: 'object', additionalProperties: int },
    byStatus: { type: 'object', additionalProperties: int },
    byDomain: { type: 'object', additionalProperties: int },
    closed: int,
    closureRate: { type: 'number', minimum: 0, maximum: 1 },
    overdue: int,
    periods: { type: 'array', items: { type: 'object', required: ['period', 'total', 'closed', 'closureRate'], properties: { period: str, total: int, closed: int, closureRate: { type: 'number' } } } },
  },
};
