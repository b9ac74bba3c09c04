/**
 * fast-check arbitraries of hostile requests to the command route: every command type
 * with each field either valid or hostile (huge, negative, fractional numbers; NaN-ish
 * strings; deep objects; long strings; control, invisible and bidi characters; prototype
 * keys), malformed shapes (any JSON value, unknown keys), and raw bodies JSON cannot
 * express from a value (1e999, truncated text, deep nesting).
 */
import fc from 'fast-check';

/** One generated request. */
export interface FuzzRequest {
  category: 'hostile values' | 'malformed shape' | 'raw body' | 'body at the size limit' | 'hostile inspection';
  actor: string | null;
  /** Path segment (encoded by the sender). */
  hazardId: string;
  idempotencyKey: string | null;
  ifMatch: string | null;
  /** A JSON value to send, or raw text. */
  body: { json: unknown } | { raw: string };
}

/** What the pool of the server under test offers the generators. */
export interface FuzzPool {
  actors: readonly string[];
  hazardIds: readonly string[];
  evidenceIds: readonly string[];
}

const CONTROL_UNITS = [
  '\u202e',
  '\u202a',
  '\u2066',
  '\u200e',
  '\u061c',
  '\u200b',
  '\u200d',
  '\u2060',
  '\ufeff',
  '\u3000',
  '\u0000',
  '\u0007',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u2028',
  '\ud800',
  '\udfff',
  '\n',
  '\t',
  ' ',
  'a',
  '中',
  '<',
  '>',
  '"',
  "'",
  '&',
  '\\',
  '/',
  '%',
  '$',
  '{',
];

/** Strings made of control, invisible and bidi characters mixed with markup and letters. */
export const controlString = fc.string({ unit: fc.constantFrom(...CONTROL_UNITS), maxLength: 40 });

/** Numbers a parser must refuse or bound. */
export const hostileNumber = fc.oneof(
  fc.constantFrom(1e9, 2e6, 1e300, -1e300, -1, 0, -0, 3651, 8761, 10_000, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 2, Number.MAX_VALUE, Number.MIN_VALUE, 1.5, 2 ** 31, 2 ** 32, 1e21),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Strings that look like numbers, times or ids to a lax parser. */
export const nanishString = fc.constantFrom(
  'NaN',
  'Infinity',
  '-Infinity',
  '1e999',
  '0x10',
  '3',
  ' 3 ',
  '',
  '٣',
  '1_000',
  'null',
  'true',
  '[object Object]',
  '2026-12-06T09:00:00',
  '2026-02-30T00:00:00Z',
  '+275760-09-13T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '2026-12-06T09:00:00+25:00',
  '1970-01-01T00:00:00Z',
  'x"><img src=x onerror=alert(1)>',
  '../../../etc/passwd',
  'D9/G9',
  'a'.repeat(129),
);

/** A long string: 1 000 to 200 000 characters. */
export const longString = fc.tuple(fc.integer({ min: 1_000, max: 200_000 }), fc.constantFrom('x', '中', '\u200b', '<')).map(([n, c]) => c.repeat(n));

/** A deeply nested object or array (10 to 2 000 levels). */
export const deepValue = fc.tuple(fc.integer({ min: 10, max: 2_000 }), fc.boolean()).map(([depth, arrays]) => {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = arrays ? [value] : { a: value };
  return value;
});

/** Objects with keys that pollute prototypes in careless code. */
export const prototypeObject = fc.constantFrom(
  JSON.parse('{"__proto__":{"polluted":true}}') as unknown,
  JSON.parse('{"constructor":{"prototype":{"polluted":true}}}') as unknown,
  { prototype: { polluted: true } },
  { toString: 'x', valueOf: 1, hasOwnProperty: 2 },
  JSON.parse('{"zh-CN":"原因","__proto__":{"polluted":true}}') as unknown,
);

/** Any hostile value. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: hostileNumber },
  { weight: 3, arbitrary: nanishString },
  { weight: 3, arbitrary: controlString },
  { weight: 1, arbitrary: longString },
  { weight: 1, arbitrary: deepValue },
  { weight: 2, arbitrary: prototypeObject },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}) },
);

const text = (zh: fc.Arbitrary<string>) => zh.map((s) => ({ 'zh-CN': s }));
const validText = text(fc.constantFrom('现场核实', '整改完成', '需要更多时间'));
const validTime = fc.constantFrom(() => new Date().toISOString()).map((f) => f());
const level = fc.constantFrom('simple', 'general', 'major');

/** Valid field values of each command type (hostile ones replace them at random). */
function shapes(pool: FuzzPool): Record<string, Record<string, fc.Arbitrary<unknown>>> {
  const actorId = fc.constantFrom(...pool.actors);
  const evidence = fc.array(fc.record({ id: fc.constantFrom(...pool.evidenceIds), kind: fc.constantFrom('photo_before', 'photo_after', 'document') }), { maxLength: 5 });
  const extension = fc.oneof(
    fc.record({ days: fc.integer({ min: 1, max: 30 }) }),
    fc.record({ workingDays: fc.integer({ min: 1, max: 30 }) }),
    fc.record({ hours: fc.integer({ min: 1, max: 72 }) }),
    hostileNumber.map((n) => ({ days: n })),
    hostileNumber.map((n) => ({ hours: n })),
    hostileNumber.map((n) => ({ workingDays: n })),
  );
  const plan = fc.record({
    objectives: validText,
    measures: validText,
    fundsAndMaterials: validText,
    responsible: validText,
    deadline: validTime,
    milestones: validText,
    safetyAndEmergency: validText,
  });
  return {
    report: {
      title: validText,
      level,
      provisional: fc.boolean(),
      basis: fc.constant([]),
      deadline: extension,
      pack: fc.constant({ id: 'demo-kitchen', version: '0.1.0' }),
      domain: fc.constant('gas'),
      area: fc.constant('D1/G1'),
      enterpriseId: fc.constant('E1'),
      source: fc.constant('enforcement'),
      evidence,
      fixedOnSpot: fc.boolean(),
    },
    report_observation: { title: validText, description: validText, enterpriseId: fc.constantFrom('E1', 'E2', 'E3'), domain: fc.constantFrom('gas', 'fire'), level, evidence },
    reclassify: { level, reason: validText, coOfficerId: actorId },
    confirm_level: { level, reason: validText, coOfficerId: actorId },
    issue_notice: { note: validText },
    submit_rectification: { evidence, note: validText },
    verify: { note: validText },
    reject: { reason: validText },
    request_extension: { extension, reason: validText },
    grant_extension: { note: validText },
    deny_extension: { reason: validText },
    escalate: { reason: validText, overdueDeadline: validTime },
    file_case: { coOfficerId: actorId },
    list_for_supervision: { authority: validText, note: validText, coOfficerId: actorId },
    submit_plan: { plan },
    approve_plan: { note: validText },
    order_stop_work: { scope: fc.constantFrom('partial', 'whole'), reason: validText, coOfficerId: actorId },
    lift_stop_work: { note: validText, evidence, coOfficerId: actorId },
    delist: { note: validText, coOfficerId: actorId },
    accept: { note: validText, evidence, coOfficerId: actorId },
    close: { note: validText, coOfficerId: actorId },
    reopen: { reason: validText },
    spot_check: { result: fc.constantFrom('pass', 'fail'), note: validText },
    warn_due_soon: { deadline: validTime },
    notice_overdue: { deadline: validTime },
  };
}

/** A command of a known type, each field kept, dropped, or replaced by a hostile value. */
function hostileCommand(pool: FuzzPool): fc.Arbitrary<unknown> {
  const all = shapes(pool);
  const common = { expectedVersion: fc.integer({ min: 0, max: 12 }), occurredAt: validTime };
  return fc.constantFrom(...Object.keys(all)).chain((type) => {
    // Own fields are mostly valid (so the command gets deep into the chain), sometimes
    // hostile or missing; the common ones mostly absent (a random expectedVersion conflicts).
    const field = (name: string, valid: fc.Arbitrary<unknown>, weights: [number, number, number]) =>
      fc.oneof(
        { weight: weights[0], arbitrary: valid.map((v) => [name, v] as const) },
        { weight: weights[1], arbitrary: hostileValue.map((v) => [name, v] as const) },
        { weight: weights[2], arbitrary: fc.constant(null) },
      );
    const entries = [...Object.entries(all[type]!).map(([name, valid]) => field(name, valid, [16, 1, 1])), ...Object.entries(common).map(([name, valid]) => field(name, valid, [1, 1, 8]))];
    return fc
      .tuple(
        fc.tuple(...entries),
        fc.oneof(
          { weight: 9, arbitrary: fc.constant(null) },
          {
            weight: 1,
            arbitrary: fc.tuple(fc.constantFrom('area', 'source', 'level', 'pack', 'deadline', 'fixedOnSpot', 'provisional', 'hazardId', 'commandId', 'actor', 'polluted', 'x'), hostileValue),
          },
        ),
      )
      .map(([picked, extra]) => {
        const body: Record<string, unknown> = { type };
        for (const entry of picked) if (entry !== null) body[entry[0]] = entry[1];
        if (extra) body[extra[0]] = extra[1];
        return body;
      });
  });
}

/** Bodies of no command shape at all. */
const malformed: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.dictionary(fc.string({ maxLength: 12 }), hostileValue, { maxKeys: 6 }),
  fc
    .tuple(
      fc.constantFrom('report', 'issue_notice', 'close', 'accept', 'reclassify', 'file_case', 'toString', '__proto__', 'constructor', ''),
      fc.dictionary(fc.string({ maxLength: 12 }), hostileValue, { maxKeys: 4 }),
    )
    .map(([type, rest]) => ({ ...rest, type })),
  prototypeObject,
  deepValue,
);

/** Raw texts: numbers JSON.stringify cannot write, broken JSON, deep nesting, duplicate keys. */
const rawBody: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '{"type":"request_extension","extension":{"hours":1e999},"reason":{"zh-CN":"x"}}',
    '{"type":"request_extension","extension":{"days":-1e999},"reason":{"zh-CN":"x"}}',
    '{"type":"request_extension","extension":{"days":1e-400},"reason":{"zh-CN":"x"}}',
    '{"type":"issue_notice","expectedVersion":1e999}',
    '{"type":"issue_notice","type":"close"}',
    '{"type":"close","coOfficerId":"officer2-gas-d1","coOfficerId":"officer-gas-d1"}',
    '{"type":',
    '{"type":"issue_notice"}garbage',
    '\ufeff{"type":"issue_notice"}',
    'null',
    '[]',
    '"\\ud800"',
    '{"type":"reject","reason":{"zh-CN":"\\u202e\\u0000"}}',
    '',
  ),
  fc.string({ maxLength: 200 }),
  fc.integer({ min: 1, max: 50_000 }).map((d) => `${'['.repeat(d)}${']'.repeat(d)}`),
  fc.integer({ min: 1, max: 30_000 }).map((d) => `${'{"a":'.repeat(d)}1${'}'.repeat(d)}`),
  fc.integer({ min: 1, max: 20_000 }).map((n) => `{"type":"issue_notice",${Array.from({ length: n }, (_, i) => `"k${i}":1`).join(',')}}`),
);

/**
 * Bodies just under the 1 MiB limit whose shape makes JSON parsing slow: half a million
 * nested arrays, 80 000 keys, 350 000 empty objects, a 1 MB string.
 */
export const limitBody: fc.Arbitrary<string> = fc.constantFrom('deep', 'keys', 'objects', 'string').map((kind) => {
  const n = 1_048_576 - 64;
  switch (kind) {
    case 'deep':
      return `${'['.repeat(n / 2)}${']'.repeat(n / 2)}`;
    case 'keys':
      return `{"type":"issue_notice",${Array.from({ length: 80_000 }, (_, i) => `"k${i}":1`).join(',')}}`;
    case 'objects':
      return `[${'{},'.repeat(Math.floor(n / 3) - 1)}{}]`;
    default:
      return JSON.stringify({ type: 'reject', reason: { 'zh-CN': 'x'.repeat(n - 64) } });
  }
});

/** Inspections with hostile findings, subjects and extras, for `POST /inspections?report=true`. */
function hostileInspection(): fc.Arbitrary<unknown> {
  const findings = fc.record(
    {
      gas_type: fc.oneof(fc.constantFrom('natural_gas', 'lpg'), hostileValue),
      below_ground: fc.oneof(fc.boolean(), hostileValue),
      alarm_installed: fc.oneof(fc.boolean(), hostileValue),
      alarm_working: fc.oneof(fc.boolean(), hostileValue),
      hose_length_m: fc.oneof(fc.double({ min: 0, max: 50, noNaN: true }), hostileNumber, hostileValue),
      cylinders_on_site: fc.oneof(fc.integer({ min: 0, max: 200 }), hostileNumber),
    },
    { requiredKeys: [] },
  );
  return fc.record(
    {
      pack: fc.oneof({ weight: 8, arbitrary: fc.constant('demo-kitchen') }, { weight: 2, arbitrary: hostileValue }),
      premises: fc.oneof(fc.constantFrom('restaurant', 'canteen'), hostileValue),
      inspectedAt: fc.oneof(validTime, nanishString),
      subject: fc.oneof(fc.record({ enterpriseId: fc.constantFrom('E1', 'E2', 'E3', 'E9') }), fc.record({ enterpriseId: fc.constant('E1'), area: fc.oneof(nanishString, hostileValue) }), hostileValue),
      findings: fc.oneof({ weight: 8, arbitrary: findings }, { weight: 2, arbitrary: hostileValue }),
      source: fc.oneof(fc.constantFrom('self_check', 'enforcement', 'sensor'), hostileValue),
      evidence: fc.oneof(fc.constant([]), hostileValue),
      fixedOnSpot: fc.oneof(fc.constant(['DEMO-003-H1']), hostileValue),
    },
    { requiredKeys: ['pack', 'findings'] },
  );
}

const printable = fc.string({ unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 140 });

/** A hostile request to the command route (or, one in ten, to the inspection route). */
export function fuzzRequest(pool: FuzzPool): fc.Arbitrary<FuzzRequest> {
  const hazardId = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...pool.hazardIds) },
    { weight: 1, arbitrary: fc.string({ maxLength: 140 }) },
    { weight: 1, arbitrary: fc.oneof(nanishString, controlString).filter((s) => s.length > 0) },
  );
  const key = fc.oneof({ weight: 9, arbitrary: fc.uuid().map((u) => `fz-${u}`) }, { weight: 1, arbitrary: fc.option(printable, { nil: null }) });
  const ifMatch = fc.oneof(
    { weight: 8, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 12 }).map((v) => `"${v}"`) },
    { weight: 1, arbitrary: fc.oneof(fc.constantFrom('"1', 'W/"1"', '*', '"01"', '"-1"', '1', '"1", "2"'), printable) },
  );
  // Mostly the actors who may act on E1's hazards, so commands get past the read policy.
  const actor = fc.oneof(
    { weight: 10, arbitrary: fc.constantFrom('owner-e1', 'grid-g1', 'officer-gas-d1', 'officer2-gas-d1') },
    { weight: 9, arbitrary: fc.constantFrom(...pool.actors) },
    { weight: 1, arbitrary: fc.constantFrom(null, 'ghost') },
  );
  const body: fc.Arbitrary<readonly [FuzzRequest['category'], FuzzRequest['body']]> = fc.oneof(
    { weight: 240, arbitrary: hostileCommand(pool).map((json) => ['hostile values', { json }] as const) },
    { weight: 80, arbitrary: malformed.map((json) => ['malformed shape', { json }] as const) },
    { weight: 40, arbitrary: rawBody.map((raw) => ['raw body', { raw }] as const) },
    { weight: 1, arbitrary: limitBody.map((raw) => ['body at the size limit', { raw }] as const) },
    { weight: 40, arbitrary: hostileInspection().map((json) => ['hostile inspection', { json }] as const) },
  );
  return fc.record({ actor, hazardId, idempotencyKey: key, ifMatch, body }).map(({ body: pair, ...rest }) => ({ ...rest, category: pair[0], body: pair[1] }));
}
