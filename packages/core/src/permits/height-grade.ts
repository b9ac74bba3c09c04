import { checkObservedIds, invalidPermitField as invalid, type ObservedFact } from './check-observed-ids.js';
import type { PermitText } from './permit-rules.js';
import type { PermitRejection } from './permit-types.js';

/** Grades of work at height (GB 30871-2022 8.1.3 Table 2): Ⅰ–Ⅳ. */
export type HeightGrade = 'i' | 'ii' | 'iii' | 'iv';

/**
 * What the applicant observed at a height job (the `height` of an apply for `work_at_height`):
 * the working height above the fall reference plane, which objective fall hazards of
 * GB 30871-2022 8.1.2 are present and which situations of Note 2 of Annex B Table B.1 apply
 * (ids of {@link HEIGHT_FALL_FACTORS} and {@link HEIGHT_SITUATIONS}; empty lists when none).
 * The grade is never in it: {@link deriveHeightGrade} computes it.
 */
export interface HeightObservation {
  heightM: number;
  fallFactors: readonly string[];
  situations: readonly string[];
}

/** A height job's observation with the grade derived from it, as the `applied` event and the state keep it. */
export interface DerivedHeight extends HeightObservation {
  /** A: no 8.1.2 factor; B: one or more (one grade up per height zone). */
  method: 'A' | 'B';
  /** The grade by height and method alone (Table 2). */
  heightGrade: HeightGrade;
  /** The grade the permit is managed and approved at: the height grade, raised by Note 2. */
  grade: HeightGrade;
  /** The Note 2 situations that raised the grade above `heightGrade` (or made work under 2 m height work). */
  raisedBy: string[];
}

/** One observable fact with its clause and words (the same shape for every graded kind). */
export type HeightFact = ObservedFact;

/** One Note 2 situation: a grade of height work that "also includes" it. */
export interface HeightSituation extends HeightFact {
  atLeast: HeightGrade;
}

const f = (id: string, clause: string, zh: string, en: string): HeightFact => ({ id, clause, label: { 'zh-CN': zh, en } });
const s = (atLeast: HeightGrade, id: string, clause: string, zh: string, en: string): HeightSituation => ({ ...f(id, clause, zh, en), atLeast });

/** The nine objective fall hazards of GB 30871-2022 8.1.2 (checked against a transcription, not the official text). */
export const HEIGHT_FALL_FACTORS: readonly HeightFact[] = [
  f('gust_force_5', '8.1.2 a)', '阵风风力五级（8.0 m/s）以上', 'gusts of force 5 (8.0 m/s) or more'),
  f('cold_air_5c', '8.1.2 b)', '平均气温等于或低于5 ℃', 'a mean air temperature of 5 °C or lower'),
  f('cold_water_12c', '8.1.2 c)', '接触等于或低于12 ℃的冷水', 'contact with water at 12 °C or colder'),
  f('slippery_surface', '8.1.2 d)', '作业场地有冰、雪、霜、油、水等易滑物', 'ice, snow, frost, oil, water or the like underfoot'),
  f('poor_light', '8.1.2 e)', '光线不足或能见度差', 'poor light or visibility'),
  f('near_live_conductor', '8.1.2 f)', '与危险电压带电体的距离小于表1的规定', 'closer to live conductors than Table 1 allows'),
  f('unstable_footing', '8.1.2 g)', '摆动，立足处不是平面或只有很小的平面', 'a swaying footing, or one not flat or too small (a side under 500 mm)'),
  f('toxic_or_low_o2', '8.1.2 h)', '存在有毒气体或含氧量低于19.5 %', 'toxic gas, or oxygen below 19.5 %'),
  f('disaster_or_rescue', '8.1.2 i)', '可能引起灾害事故的作业环境或抢救灾害事故', 'surroundings that may cause a disaster, or disaster rescue'),
];

/** The situations of Note 2 of GB 30871-2022 Annex B Table B.1 (checked against a transcription, not the official text). */
export const HEIGHT_SITUATIONS: readonly HeightSituation[] = [
  s('i', 'slope_over_45', '附录B 表B.1 说明2', '在坡度大于45°的斜坡上作业', 'on a slope steeper than 45°'),
  s('ii', 'near_opening', '附录B 表B.1 说明2 a)', '在升降（吊装）口、坑、井、池、沟、洞等上面或附近', 'on or next to a hoistway, pit, well, pool, trench or hole'),
  s(
    'ii',
    'hazardous_area_or_rotating',
    '附录B 表B.1 说明2 b)',
    '在易燃、易爆、易中毒、易灼伤的区域或转动设备附近',
    'in a flammable, explosive, toxic or corrosive area, or next to rotating machinery',
  ),
  s(
    'ii',
    'unprotected_vessel',
    '附录B 表B.1 说明2 c)',
    '在无平台、无护栏的塔、釜、炉、罐等容器、设备及架空管道上',
    'on a column, reactor, furnace, tank or overhead pipe without platform or guardrail',
  ),
  s('ii', 'inside_vessel', '附录B 表B.1 说明2 d)', '在塔、釜、炉、罐等设备内', 'inside a column, reactor, furnace, tank or the like'),
  s('ii', 'near_vent', '附录B 表B.1 说明2 e)', '邻近排放有毒、有害气体、粉尘的放空管线或烟囱及设备', 'next to a vent, stack or equipment discharging toxic gas or dust'),
  s('iv', 'extreme_temperature', '附录B 表B.1 说明2 (Ⅳ) a)', '在高温或低温环境下作业', 'in a hot or cold environment'),
  s('iv', 'snowing', '附录B 表B.1 说明2 (Ⅳ) b)', '降雪时作业', 'while it snows'),
  s('iv', 'raining', '附录B 表B.1 说明2 (Ⅳ) c)', '降雨时作业', 'while it rains'),
  s('iv', 'night_artificial_light', '附录B 表B.1 说明2 (Ⅳ) d)', '室外完全采用人工照明的夜间作业', 'outdoors at night under artificial light only'),
  s('iv', 'live_work', '附录B 表B.1 说明2 (Ⅳ) e)', '在接近或接触带电体条件下作业', 'near or in contact with live conductors'),
  s('iv', 'no_foothold', '附录B 表B.1 说明2 (Ⅳ) f)', '在无立足点或无牢靠立足点的条件下（悬空作业）', 'with no foothold or no secure one (suspended work)'),
];

const ORDER: readonly HeightGrade[] = ['i', 'ii', 'iii', 'iv'];
const NUMERAL: Record<HeightGrade, string> = { i: 'Ⅰ', ii: 'Ⅱ', iii: 'Ⅲ', iv: 'Ⅳ' };
const ROMAN: Record<HeightGrade, string> = { i: 'I', ii: 'II', iii: 'III', iv: 'IV' };
const MAX_HEIGHT_M = 1000;

/** The grade's numeral: `Ⅳ` (zh) / `IV` (en). */
export function heightGradeName(grade: HeightGrade): PermitText {
  return { 'zh-CN': NUMERAL[grade], en: ROMAN[grade] };
}

/** The height zone of 8.1.1 (0–3): 2 ≤ h ≤ 5, 5 < h ≤ 15, 15 < h ≤ 30, h > 30. */
function zone(h: number): number {
  return h <= 5 ? 0 : h <= 15 ? 1 : h <= 30 ? 2 : 3;
}

/**
 * The grade of a height job from what the applicant observed (GB 30871-2022 8.1.1–8.1.3 and
 * Note 2 of Annex B Table B.1), or a located refusal (`INVALID_COMMAND` at `/height/…`): the
 * height zone by method A, or method B (one grade up, Ⅳ at most) when any 8.1.2 factor is
 * present; then raised to the least grade of each Note 2 situation present. Work under 2 m is
 * not height work (3.8) unless on a slope steeper than 45° (Note 2: then grade Ⅰ).
 *
 * @example
 * ```ts
 * deriveHeightGrade({ heightM: 4, fallFactors: [], situations: ['raining'] }); // { grade: 'iv', raisedBy: ['raining'], … }
 * ```
 */
export function deriveHeightGrade(observed: unknown): { ok: true; height: DerivedHeight } | { ok: false; rejection: PermitRejection } {
  if (typeof observed !== 'object' || observed === null || Array.isArray(observed)) {
    return {
      ok: false,
      rejection: invalid(
        '/height',
        '高处作业须申报作业高度、坠落客观危险因素与附录B表B.1说明2的情形',
        'work at height needs the working height, the fall hazards and the situations of Note 2 of Table B.1',
      ),
    };
  }
  const o = observed as Record<string, unknown>;
  for (const key of Object.keys(o)) {
    if (key !== 'heightM' && key !== 'fallFactors' && key !== 'situations') {
      const zh = key === 'grade' ? '级别由服务器按所观察的事实推导，不得申报' : '未知字段';
      const en = key === 'grade' ? 'the grade is derived by the server from what was observed; do not declare it' : 'unknown field';
      return { ok: false, rejection: invalid(`/height/${key}`, zh, en) };
    }
  }
  const fallFactors = checkObservedIds(o.fallFactors, '/height/fallFactors', HEIGHT_FALL_FACTORS);
  if (!Array.isArray(fallFactors)) return { ok: false, rejection: fallFactors };
  const situations = checkObservedIds(o.situations, '/height/situations', HEIGHT_SITUATIONS);
  if (!Array.isArray(situations)) return { ok: false, rejection: situations };
  const h = o.heightM;
  const slope = situations.includes('slope_over_45');
  if (typeof h !== 'number' || !Number.isFinite(h) || h <= 0 || h > MAX_HEIGHT_M) {
    return { ok: false, rejection: invalid('/height/heightM', '须为坠落基准面以上的作业高度（米，0 至 1000）', 'must be the working height above the fall reference plane (metres, 0 to 1000)') };
  }
  if (h < 2 && !slope) {
    return {
      ok: false,
      rejection: invalid(
        '/height/heightM',
        '不足 2 m 且不在坡度大于45°的斜坡上，不是高处作业（GB 30871-2022 3.8）',
        'under 2 m and not on a slope steeper than 45° is not work at height (GB 30871-2022 3.8)',
      ),
    };
  }
  const method = fallFactors.length > 0 ? 'B' : 'A';
  const heightGrade = ORDER[Math.min(3, zone(h) + (method === 'B' ? 1 : 0))]!;
  let grade = heightGrade;
  for (const id of situations) {
    const least = HEIGHT_SITUATIONS.find((x) => x.id === id)!.atLeast;
    if (ORDER.indexOf(least) > ORDER.indexOf(grade)) grade = least;
  }
  const raisedBy = situations.filter((id) => {
    const least = HEIGHT_SITUATIONS.find((x) => x.id === id)!.atLeast;
    return (id === 'slope_over_45' && h < 2) || (least === grade && ORDER.indexOf(least) > ORDER.indexOf(heightGrade));
  });
  return { ok: true, height: { heightM: h, fallFactors, situations, method, heightGrade, grade, raisedBy } };
}

/**
 * Why a height job is at its grade, in words and located: the first Note 2 situation that
 * raised it, else the first 8.1.2 factor when method B decided, else the height. The pointer
 * is into the apply command (`/height/situations/0`, `/height/fallFactors/0`, `/height/heightM`).
 */
export function heightGradeReason(height: DerivedHeight): { pointer: string; text: PermitText } {
  const g = heightGradeName(height.grade);
  const base = { 'zh-CN': `作业高度 ${height.heightM} m`, en: `a working height of ${height.heightM} m` };
  const raised = height.raisedBy[0];
  if (raised !== undefined) {
    const sit = HEIGHT_SITUATIONS.find((x) => x.id === raised)!;
    return {
      pointer: `/height/situations/${height.situations.indexOf(raised)}`,
      text: { 'zh-CN': `${sit.label['zh-CN']}（附录B 表B.1 说明2，${base['zh-CN']}）为${g['zh-CN']}级`, en: `${sit.label.en} (Note 2 of Table B.1, ${base.en}) is grade ${g.en}` },
    };
  }
  if (height.method === 'B') {
    const factor = HEIGHT_FALL_FACTORS.find((x) => x.id === height.fallFactors[0])!;
    return {
      pointer: '/height/fallFactors/0',
      text: {
        'zh-CN': `${base['zh-CN']}，存在${factor.label['zh-CN']}（${factor.clause}），按B类法为${g['zh-CN']}级（8.1.3，附录B 表B.1）`,
        en: `${base.en} with ${factor.label.en} (${factor.clause}) is grade ${g.en} by method B (8.1.3, Table B.1)`,
      },
    };
  }
  return {
    pointer: '/height/heightM',
    text: { 'zh-CN': `${base['zh-CN']}按A类法为${g['zh-CN']}级（8.1.3，附录B 表B.1）`, en: `${base.en} is grade ${g.en} by method A (8.1.3, Table B.1)` },
  };
}
