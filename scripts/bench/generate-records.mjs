// Seeded findings records for a pack, in two mixes:
// - `stress`: every fact answered with values spread around the thresholds the pack's
//   conditions use (10–16 hazards fire per record: far more than a real inspection);
// - `realistic`: a compliant inspection from the pack's own scenarios (one expecting no
//   hazard), with each answer changed to a random one with probability 8 % (1–3 hazards per
//   record, like a real inspection).

/** mulberry32: small, fast, seedable. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function thresholds(pack) {
  const byFact = new Map();
  const visit = (c) => {
    if (!c || typeof c !== 'object') return;
    for (const key of ['all', 'any', 'of']) if (Array.isArray(c[key])) c[key].forEach(visit);
    if (c.not) visit(c.not);
    if (typeof c.fact === 'string') {
      const list = byFact.get(c.fact) ?? [];
      const v = c.value;
      if (typeof v === 'number') list.push(v);
      if (Array.isArray(v)) for (const x of v) if (typeof x === 'number') list.push(x);
      byFact.set(c.fact, list);
    }
  };
  for (const c of Object.values(pack.conditions)) visit(c);
  for (const f of pack.facts) visit(f.when);
  for (const s of pack.sections)
    for (const i of s.items) {
      visit(i.when);
      for (const h of i.hazards) visit(h.when);
    }
  return byFact;
}

const DAY = 86_400_000;

export function generateRecords(pack, count, seed, baselines = []) {
  const random = rng(seed);
  const pick = (xs) => xs[Math.floor(random() * xs.length)];
  const near = thresholds(pack);
  const base = Date.parse('2026-11-28T10:00:00+08:00');
  const records = [];
  for (let n = 0; n < count; n++) {
    const inspectedAt = new Date(base - Math.floor(random() * 30) * DAY).toISOString();
    const baseline = baselines.length > 0 ? pick(baselines) : undefined;
    const findings = {};
    for (const fact of pack.facts) {
      if (baseline && random() >= 0.08) {
        if (Object.hasOwn(baseline.findings, fact.id)) findings[fact.id] = baseline.findings[fact.id];
        continue;
      }
      const marks = near.get(fact.id) ?? [];
      switch (fact.type) {
        case 'boolean':
          findings[fact.id] = random() < 0.7;
          break;
        case 'number':
        case 'count': {
          const min = fact.min ?? 0;
          const max = fact.max ?? Math.max(100, ...marks.map((m) => m * 2));
          let v = marks.length && random() < 0.6 ? pick(marks) + (random() - 0.5) * Math.max(1, Math.abs(pick(marks)) * 0.2) : min + random() * (max - min);
          v = Math.min(max, Math.max(min, v));
          findings[fact.id] = fact.type === 'count' ? Math.round(v) : Math.round(v * 100) / 100;
          break;
        }
        case 'enum':
          findings[fact.id] = pick(fact.options ?? [{ value: 'x' }]).value;
          break;
        case 'multi':
          findings[fact.id] = (fact.options ?? []).filter(() => random() < 0.4).map((o) => o.value);
          break;
        case 'date':
          findings[fact.id] = new Date(base - Math.floor(random() * 800) * DAY).toISOString().slice(0, 10);
          break;
        case 'datetime':
          findings[fact.id] = new Date(base - Math.floor(random() * 180) * 60_000).toISOString();
          break;
        case 'evidence':
          findings[fact.id] = random() < 0.5 ? ['photo-1.jpg'] : [];
          break;
        default:
          findings[fact.id] = 'observed';
      }
    }
    records.push({ premises: baseline?.premises ?? pick(pack.premises).id, inspectedAt, findings });
  }
  return records;
}
