import { checkObservedIds, invalidPermitField as invalid, type ObservedFact } from './check-observed-ids.js';
import type { PermitText } from './permit-rules.js';
import type { PermitRejection } from './permit-types.js';

/** Grades of hot work (GB 30871-2022 5.1): 特级 `special`, 一级 `first`, 二级 `second`. */
export type HotWorkGrade = 'special' | 'first' | 'second';

/**
 * What the applicant observed at a hot-work site (the `hotWork` of an apply for `hot_work`):
 * which situations of GB 30871-2022 5.1.2–5.1.3 apply (ids of {@link HOT_WORK_SITUATIONS},
 * an empty list when none), whether the work is in the open air and, if so, the wind force
 * (Beaufort 0–12), and which conditions of a shut-down unit hold (ids of
 * {@link HOT_WORK_SHUTDOWN_CONDITIONS}: all of them to manage the work as 二级, an empty list
 * otherwise). The grade is never in it: {@link deriveHotWorkGrade} computes it.
 */
export interface HotWorkObservation {
  situations: readonly string[];
  openAir: boolean;
  /** Open air only: the wind force at the site, Beaufort scale (风力等级) 0–12. */
  windForce?: number;
  shutDown: readonly string[];
}

/** A hot-work observation with the grade derived from it, as the `applied` event and the state keep it. */
export interface DerivedHotWork extends HotWorkObservation {
  /** The grade by the situations alone (5.1.2–5.1.4). */
  siteGrade: HotWorkGrade;
  /** The unit is shut down, cleaned, purged, tested and isolated: managed as 二级 (5.1.4) once the downgrade is approved. */
  downgraded: boolean;
  /** Open-air work in wind of force 5 or more, raised one grade (5.2.15). */
  windRaised: boolean;
  /** The grade the permit is managed and approved at. */
  grade: HotWorkGrade;
}

/** One observable fact with its clause and words (the same shape for every graded kind). */
export type HotWorkFact = ObservedFact;

/** A situation of 5.1.2 or 5.1.3: hot work in it is at least `atLeast`. */
export interface HotWorkSituation extends HotWorkFact {
  atLeast: HotWorkGrade;
}

const s = (atLeast: HotWorkGrade, id: string, clause: string, zh: string, en: string): HotWorkSituation => ({ id, clause, label: { 'zh-CN': zh, en }, atLeast });
const f = (id: string, zh: string, en: string): HotWorkFact => ({ id, clause: '5.1.4', label: { 'zh-CN': zh, en } });

/** The situations of GB 30871-2022 5.1.2 (特级) and 5.1.3 (一级) (checked against a transcription, not the official text). */
export const HOT_WORK_SITUATIONS: readonly HotWorkSituation[] = [
  s(
    'special',
    'in_service_equipment',
    '5.1.2',
    '在火灾爆炸危险场所内运行状态下的生产装置、输送管道、储罐、容器等部位上动火',
    'on a production unit, pipeline, storage tank, vessel or the like in service in a fire/explosion hazardous area',
  ),
  s('special', 'hot_tap_no_purge', '5.1.2', '带压不置换动火', 'hot tapping under pressure without purging'),
  s('special', 'major_hazard_tank_dike', '5.1.2', '在存有易燃易爆介质的重大危险源罐区防火堤内动火', 'inside the dike of a major-hazard tank farm holding flammable or explosive media'),
  s('first', 'hazardous_area', '5.1.3', '在火灾爆炸危险场所内动火（特级以外）', 'in a fire/explosion hazardous area (other than the special-grade cases)'),
  s('first', 'pipe_rack', '5.1.3', '在管廊上动火', 'on a pipe rack'),
];

/** What a shut-down unit must show to manage its hot work as 二级 (5.1.4); every one must hold. */
export const HOT_WORK_SHUTDOWN_CONDITIONS: readonly HotWorkFact[] = [
  f('shut_down', '生产装置或系统已全部停车', 'the production unit or system is fully shut down'),
  f('cleaned', '装置已清洗', 'the unit has been cleaned'),
  f('purged', '装置已置换', 'the unit has been purged'),
  f('gas_tested', '分析合格', 'gas analysis has passed'),
  f('isolated', '已采取安全隔离措施', 'it has been isolated'),
];

/** The permit role that approves managing a shut-down unit's hot work as 二级 (5.1.4: 生产负责人或安全管理负责人). */
export const HOT_WORK_DOWNGRADE_ROLE = 'production_safety_head';

/** The wind force from which open-air hot work is raised one grade (5.2.15). */
export const HOT_WORK_WIND_LIMIT = 5;

const ORDER: readonly HotWorkGrade[] = ['second', 'first', 'special'];
const NAME: Record<HotWorkGrade, PermitText> = {
  special: { 'zh-CN': '特级', en: 'special grade' },
  first: { 'zh-CN': '一级', en: 'first grade' },
  second: { 'zh-CN': '二级', en: 'second grade' },
};
const KEYS = ['situations', 'openAir', 'windForce', 'shutDown'];

/** The grade's name: `特级` (zh) / `special grade` (en). */
export function hotWorkGradeName(grade: HotWorkGrade): PermitText {
  return NAME[grade];
}

type Derived = { ok: true; hotWork: DerivedHotWork } | { ok: false; rejection: PermitRejection };

/**
 * The grade of a hot job from what the applicant observed (GB 30871-2022 5.1.2–5.1.4 and
 * 5.2.15), or a located refusal (`INVALID_COMMAND` at `/hotWork/…`): the highest grade of the
 * situations present (二级 when none); 二级 when every shut-down condition holds (the downgrade
 * then needs the approval of {@link HOT_WORK_DOWNGRADE_ROLE} before the permit's own); then one
 * grade up, 特级 at most, for open-air work in wind of force 5 or more.
 *
 * @example
 * ```ts
 * deriveHotWorkGrade({ situations: ['pipe_rack'], openAir: true, windForce: 5, shutDown: [] }); // { grade: 'special', windRaised: true, … }
 * ```
 */
export function deriveHotWorkGrade(observed: unknown): Derived {
  const fail = (rejection: PermitRejection): Derived => ({ ok: false, rejection });
  if (typeof observed !== 'object' || observed === null || Array.isArray(observed)) {
    return fail(
      invalid(
        '/hotWork',
        '动火作业须申报现场情形（5.1.2、5.1.3）、是否露天及风力、停车降级的条件',
        'hot work needs the site situations (5.1.2, 5.1.3), whether it is in the open air and the wind, and the shut-down conditions',
      ),
    );
  }
  const o = observed as Record<string, unknown>;
  for (const key of Object.keys(o)) {
    if (!KEYS.includes(key)) {
      const zh = key === 'grade' ? '级别由服务器按所观察的事实推导，不得申报' : '未知字段';
      const en = key === 'grade' ? 'the grade is derived by the server from what was observed; do not declare it' : 'unknown field';
      return fail(invalid(`/hotWork/${key}`, zh, en));
    }
  }
  const situations = checkObservedIds(o.situations, '/hotWork/situations', HOT_WORK_SITUATIONS);
  if (!Array.isArray(situations)) return fail(situations);
  if (typeof o.openAir !== 'boolean') return fail(invalid('/hotWork/openAir', '须说明是否露天动火（true 或 false）', 'must say whether the work is in the open air (true or false)'));
  const wind = o.windForce;
  if (o.openAir) {
    if (typeof wind !== 'number' || !Number.isInteger(wind) || wind < 0 || wind > 12) {
      return fail(invalid('/hotWork/windForce', '露天动火须申报现场风力等级（0 至 12 级的整数）', 'open-air hot work needs the wind force at the site (a whole Beaufort force, 0 to 12)'));
    }
  } else if (wind !== undefined) {
    return fail(invalid('/hotWork/windForce', '只有露天动火申报风力', 'only open-air hot work gives a wind force'));
  }
  const shutDown = checkObservedIds(o.shutDown, '/hotWork/shutDown', HOT_WORK_SHUTDOWN_CONDITIONS);
  if (!Array.isArray(shutDown)) return fail(shutDown);
  let siteGrade: HotWorkGrade = 'second';
  for (const id of situations) {
    const least = HOT_WORK_SITUATIONS.find((x) => x.id === id)!.atLeast;
    if (ORDER.indexOf(least) > ORDER.indexOf(siteGrade)) siteGrade = least;
  }
  const downgraded = shutDown.length > 0;
  if (downgraded && shutDown.length < HOT_WORK_SHUTDOWN_CONDITIONS.length) {
    const missing = HOT_WORK_SHUTDOWN_CONDITIONS.filter((c) => !shutDown.includes(c.id));
    return fail(
      invalid(
        '/hotWork/shutDown',
        `按二级动火管理须全部满足停车条件（5.1.4），缺少：${missing.map((c) => c.label['zh-CN']).join('、')}`,
        `managing the work as second grade needs every shut-down condition (5.1.4); missing: ${missing.map((c) => c.label.en).join(', ')}`,
      ),
    );
  }
  if (downgraded && siteGrade === 'second') {
    return fail(invalid('/hotWork/shutDown', '该动火已是二级，无需按停车条件降级', 'the work is second grade already; there is nothing to downgrade'));
  }
  let grade: HotWorkGrade = downgraded ? 'second' : siteGrade;
  const windRaised = o.openAir === true && (wind as number) >= HOT_WORK_WIND_LIMIT && grade !== 'special';
  if (windRaised) grade = ORDER[ORDER.indexOf(grade) + 1]!;
  const hotWork: DerivedHotWork = {
    situations,
    openAir: o.openAir,
    ...(o.openAir ? { windForce: wind as number } : {}),
    shutDown,
    siteGrade,
    downgraded,
    windRaised,
    grade,
  };
  return { ok: true, hotWork };
}

/**
 * Why a hot job is at its grade, in words and located: the wind when it raised the grade,
 * else the shut-down conditions when they lowered it, else the first situation of the site
 * grade, else the empty situation list (二级: none of 5.1.2–5.1.3). The pointer is into the
 * apply command (`/hotWork/windForce`, `/hotWork/shutDown`, `/hotWork/situations/0`, `/hotWork/situations`).
 */
export function hotWorkGradeReason(hotWork: DerivedHotWork): { pointer: string; text: PermitText } {
  const g = hotWorkGradeName(hotWork.grade);
  if (hotWork.windRaised) {
    return {
      pointer: '/hotWork/windForce',
      text: {
        'zh-CN': `露天动火，风力${hotWork.windForce}级（五级及以上升级管理，5.2.15），为${g['zh-CN']}动火`,
        en: `open-air hot work in wind of force ${hotWork.windForce} (force 5 or more is raised one grade, 5.2.15) is ${g.en}`,
      },
    };
  }
  if (hotWork.downgraded) {
    return {
      pointer: '/hotWork/shutDown',
      text: {
        'zh-CN': `装置已停车、清洗、置换、分析合格并隔离，经生产负责人或安全管理负责人批准后按二级动火管理（5.1.4）`,
        en: `the unit is shut down, cleaned, purged, gas-tested and isolated: managed as second grade once the head of production or safety management approves (5.1.4)`,
      },
    };
  }
  const first = hotWork.situations.findIndex((id) => HOT_WORK_SITUATIONS.find((x) => x.id === id)!.atLeast === hotWork.siteGrade);
  if (first >= 0) {
    const sit = HOT_WORK_SITUATIONS.find((x) => x.id === hotWork.situations[first])!;
    return {
      pointer: `/hotWork/situations/${first}`,
      text: { 'zh-CN': `${sit.label['zh-CN']}（${sit.clause}）为${g['zh-CN']}动火`, en: `hot work ${sit.label.en} (${sit.clause}) is ${g.en}` },
    };
  }
  return {
    pointer: '/hotWork/situations',
    text: { 'zh-CN': '不属于 5.1.2、5.1.3 所列情形，为二级动火（5.1.4）', en: 'none of the situations of 5.1.2 and 5.1.3 applies: second grade (5.1.4)' },
  };
}
