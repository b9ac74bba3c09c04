import { docsUrl } from '@anjian/core/internal';
import cliPackage from '../package.json';

/**
 * Where a new pack lives, for its `package.json`: a project of its own (a department's
 * repository: `@anjian/cli` from npm, private until its owners decide), or the anjian
 * repository itself (a workspace pack like those under `checklists/`, published with them).
 */
export type ScaffoldHome =
  | { kind: 'project'; cliVersion: string }
  | {
      kind: 'repo';
      /** The pack folder relative to the repository root, `/`-separated (`checklists/boilers`). */
      directory: string;
      /** The repository fields of `@anjian/core`'s package.json, which the packs share. */
      repository: { type: string; url: string };
      bugs: string;
      license: string;
    };

/** What `anjian new pack` asks for. */
export interface PackScaffoldOptions {
  /** Pack id: lower case letters, digits and `-`; also the folder name. */
  id: string;
  /** Domain of the pack (`gas`, `fire`, … or another lower-case id). */
  domain: string;
  /** Path from the pack folder to the folder that holds `@anjian/core`'s schemas, `/`-separated. */
  schemaDir: string;
  /** Where the pack lives (default: a project of its own, with this CLI's version). */
  home?: ScaffoldHome;
}

/** The scripts of a pack package: validate, then the scenarios with every rule exercised and no warning allowed. */
const PACK_SCRIPTS = { validate: 'anjian validate .', test: 'anjian validate . && anjian test . --coverage-threshold 100 --max-warnings 0' };

/**
 * The `package.json` of a new pack: what it publishes (`pack.yaml`, the sections, the tests,
 * the README), `exports` of `./pack.yaml` (hosts load the pack by name), the `validate` and
 * `test` scripts and `@anjian/cli` as a dev dependency — in the anjian repository the same
 * fields, in the same order, as the packs under `checklists/`.
 */
function packPackageJson(id: string, home: ScaffoldHome): string {
  const files = ['pack.yaml', 'sections', 'tests', 'README.md'];
  const exports = { './pack.yaml': './pack.yaml', './package.json': './package.json' };
  const description = `anjian checklist pack: ${id}`;
  if (home.kind === 'project') {
    return `${JSON.stringify({ name: `anjian-pack-${id}`, version: '0.1.0', private: true, description, files, exports, scripts: PACK_SCRIPTS, devDependencies: { '@anjian/cli': `^${home.cliVersion}` } }, null, 2)}\n`;
  }
  const web = home.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
  return `${JSON.stringify(
    {
      name: `@anjian/pack-${id}`,
      version: '0.1.0',
      description,
      license: home.license,
      homepage: `${web}/tree/main/${home.directory}#readme`,
      repository: { ...home.repository, directory: home.directory },
      bugs: home.bugs,
      files,
      exports,
      scripts: PACK_SCRIPTS,
      devDependencies: { '@anjian/cli': 'workspace:*' },
    },
    null,
    2,
  )}\n`;
}

/** A pack id `anjian new pack` accepts: it is also a folder name, so lower case letters, digits and `-` only. */
export const SCAFFOLD_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** A domain id as the pack schema allows it. */
export const SCAFFOLD_DOMAIN = /^[a-z][a-z0-9_]{0,63}$/;

/**
 * The names of the well-known domains, as the bundled packs give them (`domainLabel`), and of
 * `general`, the default: a new pack of one of these domains gets the same name, so reports
 * name the domain alike whichever pack is loaded.
 */
const KNOWN_DOMAIN_LABELS: Readonly<Record<string, { 'zh-CN': string; en: string }>> = {
  gas: { 'zh-CN': '燃气', en: 'Gas' },
  fire: { 'zh-CN': '消防', en: 'Fire' },
  confined_space: { 'zh-CN': '有限空间', en: 'Confined spaces' },
  chemicals: { 'zh-CN': '危险化学品', en: 'Hazardous chemicals' },
  hazardous_work: { 'zh-CN': '危险作业', en: 'Hazardous work' },
  monitoring: { 'zh-CN': '监测预警', en: 'Monitoring and early warning' },
  dust_explosion: { 'zh-CN': '粉尘防爆', en: 'Combustible-dust explosion' },
  general: { 'zh-CN': '综合安全管理', en: 'General safety management' },
};

/** Ids of items and rules may be this long at most (the pack schema's `maxLength`). */
const ID_MAX = 64;

/**
 * The prefix of a new pack's item ids: the pack id upper-cased (`warehouse-fire` →
 * `WAREHOUSE-FIRE`), so that the rule id `<prefix>-001-H1` fits the pack schema's 64
 * characters; a longer pack id gives the initials of its `-`-separated words
 * (`…-warehouse-fire` → `…WF`), and a pack id with neither gives `PACK`.
 *
 * @example
 * ```ts
 * itemPrefix('warehouse-fire'); // 'WAREHOUSE-FIRE'
 * ```
 */
function itemPrefix(id: string): string {
  const words = id.split('-').filter((w) => w !== '');
  const whole = words.join('-').toUpperCase();
  const room = ID_MAX - '-001-H1'.length;
  if (whole !== '' && whole.length <= room) return whole;
  const initials = words
    .map((w) => w[0]!)
    .join('')
    .toUpperCase()
    .slice(0, room);
  return initials || 'PACK';
}

/**
 * The files of a new pack, by path inside the pack folder: `pack.yaml` (metadata, one
 * premises kind, one regulation, one fact), `sections/general.yaml` (one section, one item,
 * one hazard rule), `tests/basic.yaml` (three scenarios: compliant, hazard, answer missing),
 * a bilingual `README.md` and a `package.json` (see {@link ScaffoldHome}). `pack.yaml` names the domain (`domainLabel`, what reports show
 * for it): the bundled packs' name for a domain they cover, else a placeholder to fill in that
 * says so. The files carry the `$schema` modeline for editors. The result
 * passes `anjian validate` without an issue and `anjian test --coverage-threshold 100`.
 *
 * @example
 * ```ts
 * const files = packScaffold({ id: 'demo-x', domain: 'general', schemaDir: '../node_modules/@anjian/core/schema' });
 * Object.keys(files); // ['pack.yaml', 'sections/general.yaml', 'tests/basic.yaml', 'README.md', 'package.json']
 * ```
 */
export function packScaffold({ id, domain, schemaDir, home = { kind: 'project', cliVersion: cliPackage.version } }: PackScaffoldOptions): Record<string, string> {
  const item = `${itemPrefix(id)}-001`;
  // The section and the tests are one folder deeper than pack.yaml.
  const deeper = `../${schemaDir}`;
  const label = KNOWN_DOMAIN_LABELS[domain] ?? { 'zh-CN': `请填写领域名称（${domain}）`, en: `Fill in the domain's name (${domain})` };
  const packYaml = `# yaml-language-server: $schema=${schemaDir}/pack.schema.json
#
# 由 anjian new pack 生成。把示例内容换成本检查表真正要查的内容；格式说明见 README.md。
# Written by anjian new pack. Replace the example content with what this pack really checks;
# README.md says where the format is explained.
format: anjian/pack@1
id: ${id}
version: 0.1.0
domain: ${domain}
# 领域名称：报表和界面按它显示领域；同一领域的检查表写相同的名称。/ The domain's name, shown for it in reports and
# screens; packs of the same domain give the same name.
domainLabel:
  zh-CN: ${label['zh-CN']}
  en: ${label.en}
title:
  zh-CN: ${id} 安全检查表
  en: ${id} safety checklist
description:
  zh-CN: 新建检查表（示例内容，尚不可用于执法）。
  en: A new pack (example content, not yet for enforcement use).
issuer:
  zh-CN: 请填写发布部门
  en: Fill in the issuing department

premises:
  - id: workplace
    label: { zh-CN: 生产经营场所, en: Workplace }

regulations:
  - id: work-safety-law
    title:
      zh-CN: 中华人民共和国安全生产法
      en: Work Safety Law of the People's Republic of China
    number: 主席令第八十八号
    edition: "2021"
    status: current
    confidence: secondary
    note:
      zh-CN: 示例依据，来自 anjian new pack。发布前对照正式文本核对条款，再把 confidence 改为 verified。
      en: An example basis from anjian new pack. Check the clause against the official text before publishing, then set confidence to verified.

facts:
  - id: hazard_system_in_place
    type: boolean
    label: { zh-CN: 已建立并落实事故隐患排查治理制度, en: A hazard inspection and rectification system is in place }
    hint: { zh-CN: 查看制度文件和近三个月的排查记录。, en: Look at the written system and the inspection records of the last three months. }
    required: true

include:
  - sections/general.yaml
`;
  const sectionYaml = `# yaml-language-server: $schema=${deeper}/pack.schema.json
# 检查表 ${id} 的一个分节。每个分节一个文件，便于审阅。/ One section of pack ${id}; one file per section keeps a pack reviewable.
sections:
  - id: general
    title: { zh-CN: 安全管理, en: Safety management }
    items:
      - id: ${item}
        title: { zh-CN: 事故隐患排查治理制度, en: Hazard inspection and rectification system }
        asks: [hazard_system_in_place]
        hazards:
          - id: ${item}-H1
            level: general
            title: { zh-CN: 未建立或未落实事故隐患排查治理制度, en: No hazard inspection and rectification system in place }
            when: { fact: hazard_system_in_place, operator: equal, value: false }
            basis:
              - regulation: work-safety-law
                clause: 第四十一条
            rectification:
              zh-CN: 建立事故隐患排查治理制度，明确责任人，按期排查并记录。
              en: Set up a hazard inspection and rectification system with named persons in charge; inspect on schedule and keep records.
            deadline: { workingDays: 10 }
`;
  const testsYaml = `# yaml-language-server: $schema=${deeper}/scenario.schema.json
# 场景测试：给出一次设想检查的答案和期望结果。每条规则至少一个触发的场景和一个不触发的场景。
# Scenario tests: the answers of an imagined inspection and the result expected. At least one
# scenario where each rule fires and one where it does not.
pack: ${id}
scenarios:
  - name: 合规 / compliant
    premises: workplace
    findings:
      hazard_system_in_place: true
    expect:
      items: { ${item}: pass }
      hazards: []
  - name: 未建立制度 / no system in place
    premises: workplace
    findings:
      hazard_system_in_place: false
    expect:
      items: { ${item}: hazard }
      hazards:
        - { rule: ${item}-H1, level: general, provisional: false }
  - name: 缺少必答项 / a required answer is missing
    premises: workplace
    findings: {}
    expect:
      items: { ${item}: not_checked }
      absent: [${item}-H1]
`;
  const readme = `# ${id}

由 \`anjian new pack ${id}\` 生成的检查表。/ A checklist pack written by \`anjian new pack ${id}\`.

| 文件 / file | 内容 / what it holds |
|---|---|
| \`pack.yaml\` | 元数据、场所类型、依据文件、事实（检查时记录的答案）/ metadata, premises kinds, regulations, facts (the answers an inspector records) |
| \`sections/general.yaml\` | 一个分节：检查项及其隐患规则 / one section: items and their hazard rules |
| \`tests/basic.yaml\` | 场景测试：答案 → 期望的隐患 / scenario tests: answers → expected hazards |

## 检查与测试 / Check and test

\`\`\`sh
npm install --save-dev @anjian/cli         # 一次即可；编辑器的 $schema 提示也来自这里 / once; editors' $schema hints come from it too
npx anjian validate ${id}                  # 格式、引用、条件 / format, references, conditions
npx anjian test ${id} --coverage-threshold 100   # 场景测试，每条规则都要被测到 / scenarios; every rule exercised
npx anjian new inspection ${id} --premises workplace   # 可填写的检查记录模板 / a fillable inspection
\`\`\`

\`package.json\` 的 \`test\` 脚本做同样的检查，且不允许任何警告（在本文件夹运行 \`npm test\`）。
The \`test\` script of \`package.json\` runs the same checks and allows no warning (\`npm test\` in this folder).

在 CI 中用 \`npx anjian validate ${id} --format github\` 得到逐行标注。
In CI, \`npx anjian validate ${id} --format github\` annotates the lines.

## 发布前 / Before publishing

- 把示例事实、检查项和依据换成本检查表真正的内容；依据核对正式文本后，把 \`confidence\` 改为 \`verified\`。
  Replace the example fact, item and basis with the pack's real content; once a basis is checked against the
  official text, set its \`confidence\` to \`verified\`.
- 填写 \`issuer\`（发布部门），检查 \`domainLabel\`（领域名称）；\`id\` 发布后不再改变，\`version\` 随每次修改提高。
  Fill in \`issuer\` and check \`domainLabel\` (the domain's name); the \`id\` never changes once published, the
  \`version\` goes up with every change.

编写指南 / Authoring guide: [中文](${docsUrl('authoring-packs.zh-CN.md')}) · [English](${docsUrl('authoring-packs.en.md')}) ·
问题代码 / issue codes: [issue-codes.md](${docsUrl('issue-codes.md')})
`;
  return { 'pack.yaml': packYaml, 'sections/general.yaml': sectionYaml, 'tests/basic.yaml': testsYaml, 'README.md': readme, 'package.json': packPackageJson(id, home) };
}
