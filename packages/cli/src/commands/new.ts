import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { inspectionTemplate } from '@anjian/core/internal';
import type { Lang } from '@anjian/core';
import type { CliIo } from '../cli-io.js';
import type { Command, CommandArgs } from '../command.js';
import { loadOnePack } from '../load-one-pack.js';
import { packScaffold, SCAFFOLD_DOMAIN, SCAFFOLD_ID, type ScaffoldHome } from '../pack-scaffold.js';
import { UsageError } from '../usage-error.js';

/**
 * `anjian new pack <id> [--domain D] [--output folder]`: a new pack folder (see `packScaffold`)
 * that validates and tests green at once; never writes into an existing non-empty folder.
 *
 * `anjian new inspection <pack> --premises X [--output file]`: a fillable inspection file for a
 * pack and premises kind (core's `inspectionTemplate`): every question asked for that kind as
 * `fact: null` with its label, type, unit and options in a comment, conditional questions
 * commented out with their condition. Exit 0; 1 when the pack does not load; 2 on a usage error.
 *
 * @example
 * ```sh
 * anjian new pack boiler-room --domain boilers
 * anjian new inspection checklists/gas --premises restaurant --output inspection.yaml
 * ```
 */
export const newCommand: Command = {
  name: 'new',
  summary: { 'zh-CN': '新建检查表，或生成可填写的检查记录模板', en: 'Start a new pack, or write a fillable inspection template' },
  usage: 'anjian new pack <id> [--domain <domain>] [--output <folder>]\n       anjian new inspection <pack folder> --premises <kind> [--output <file>] [--inspected-at <ISO time>]',
  details: {
    'zh-CN':
      'new pack 新建检查表文件夹：pack.yaml、一个分节、场景测试、README 和 package.json（validate、test 脚本），带编辑器的 $schema 行（在 anjian 仓库内指向 packages/core/schema），立即可通过 anjian validate 和 anjian test。\nnew inspection 的模板按场所类型列出要回答的问题（值为 null），附标签、类型、单位和选项；只在满足条件时才询问的问题以注释列出。不会覆盖已有文件。',
    en: 'new pack writes a pack folder: pack.yaml, one section, scenario tests, a README and a package.json (validate and test scripts), with the $schema line for editors (packages/core/schema inside the anjian repository); it passes anjian validate and anjian test at once.\nnew inspection lists the questions asked for the premises kind (value null) with label, type, unit and options; questions asked only when a condition holds are listed as comments. An existing file is never overwritten.',
  },
  positionals: true,
  options: {
    domain: { type: 'string', valueName: 'DOMAIN', description: { 'zh-CN': 'new pack：领域（gas、fire……，默认 general）', en: 'new pack: the domain (gas, fire, …; default general)' } },
    premises: { type: 'string', valueName: 'KIND', description: { 'zh-CN': 'new inspection：场所类型编号（必填）', en: 'new inspection: premises kind id (required)' } },
    output: {
      type: 'string',
      short: 'o',
      valueName: 'FILE',
      description: { 'zh-CN': '写入文件（默认输出到 stdout）；new pack：新文件夹（默认为编号）', en: 'write to a file (default: stdout); new pack: the new folder (default: the id)' },
    },
    'inspected-at': { type: 'string', valueName: 'TIME', description: { 'zh-CN': '检查时间（带时区的 ISO 时间）', en: 'inspection time (ISO with offset)' } },
  },
  async run({ values, positionals }, { io, lang, version }) {
    if (positionals[0] === 'pack') return newPack(values, positionals.slice(1), io, lang, version);
    if (positionals[0] !== 'inspection') {
      throw new UsageError(
        {
          'zh-CN': '用法：anjian new pack <编号> 或 anjian new inspection <检查表文件夹> --premises <场所类型>',
          en: 'usage: anjian new pack <id> or anjian new inspection <pack folder> --premises <kind>',
        },
        'new',
      );
    }
    if (values.domain !== undefined) throw new UsageError({ 'zh-CN': '--domain 只能与 new pack 一起用', en: '--domain goes with new pack' }, 'new');
    const premises = typeof values.premises === 'string' ? values.premises : undefined;
    if (premises === undefined) throw new UsageError({ 'zh-CN': '请用 --premises 给出场所类型', en: 'give the premises kind with --premises' }, 'new');
    const pack = await loadOnePack(positionals[1], premises, io, lang, 'new');
    if (!pack) return 1;
    const at = typeof values['inspected-at'] === 'string' ? values['inspected-at'] : undefined;
    const text = inspectionTemplate(pack, premises, at !== undefined ? { inspectedAt: at } : {});
    const output = typeof values.output === 'string' ? values.output : undefined;
    if (output === undefined) {
      io.stdout.write(text);
      return 0;
    }
    const target = resolve(io.cwd, output);
    if (existsSync(target)) throw new UsageError({ 'zh-CN': `文件已存在，不覆盖：${output}`, en: `the file exists and is not overwritten: ${output}` }, 'new');
    writeFileSync(target, text, { flag: 'wx' });
    io.stderr.write(`${lang === 'en' ? 'wrote' : '已写入'} ${output}\n`);
    return 0;
  },
};

function newPack(values: CommandArgs['values'], rest: string[], io: CliIo, lang: Lang, version: string): number {
  const id = rest[0];
  if (id === undefined) throw new UsageError({ 'zh-CN': '请给出检查表编号：anjian new pack <编号>', en: 'give the pack id: anjian new pack <id>' }, 'new');
  if (rest.length > 1) throw new UsageError({ 'zh-CN': `多余的参数：${rest[1]}`, en: `unexpected argument: ${rest[1]}` }, 'new');
  if (!SCAFFOLD_ID.test(id)) {
    throw new UsageError(
      {
        'zh-CN': `检查表编号只能用小写字母、数字和“-”，且以字母或数字开头（最多 64 个字符）：${id}`,
        en: `a pack id is lower-case letters, digits and "-", starting with a letter or digit (at most 64): ${id}`,
      },
      'new',
    );
  }
  const domain = typeof values.domain === 'string' ? values.domain : 'general';
  if (!SCAFFOLD_DOMAIN.test(domain)) {
    throw new UsageError({ 'zh-CN': `领域只能用小写字母、数字和“_”，以字母开头：${domain}`, en: `a domain is lower-case letters, digits and "_", starting with a letter: ${domain}` }, 'new');
  }
  if (values.premises !== undefined || values['inspected-at'] !== undefined) {
    throw new UsageError({ 'zh-CN': '--premises 和 --inspected-at 只能与 new inspection 一起用', en: '--premises and --inspected-at go with new inspection' }, 'new');
  }
  const folder = typeof values.output === 'string' ? values.output : id;
  const target = resolve(io.cwd, folder);
  if (existsSync(target) && readdirSync(target).length > 0) {
    throw new UsageError({ 'zh-CN': `文件夹已存在且不为空，不覆盖：${folder}`, en: `the folder exists and is not empty; nothing is overwritten: ${folder}` }, 'new');
  }
  const place = scaffoldPlace(target, io.cwd, version);
  const schemaDir = relative(target, place.schemaDir).split('\\').join('/');
  const files = packScaffold({ id, domain, schemaDir, home: place.home });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(target, path)), { recursive: true });
    writeFileSync(join(target, path), text, { flag: 'wx' });
  }
  const shown = relative(io.cwd, target) || '.';
  io.stderr.write(
    lang === 'en'
      ? `wrote ${shown}/ (${Object.keys(files).join(', ')})\nnext: anjian validate ${shown} && anjian test ${shown}\n`
      : `已写入 ${shown}/（${Object.keys(files).join('、')}）\n下一步：anjian validate ${shown} && anjian test ${shown}\n`,
  );
  if (place.home.kind === 'repo') {
    io.stderr.write(
      lang === 'en'
        ? `in the anjian repository: run pnpm install (it adds the pack to pnpm-lock.yaml); CONTRIBUTING.md "Add a checklist pack" lists what else a new pack touches\n`
        : `在 anjian 仓库内：运行 pnpm install（把检查表加入 pnpm-lock.yaml）；新增检查表还要改动的地方见 CONTRIBUTING.md“Add a checklist pack”\n`,
    );
  }
  return 0;
}

/**
 * Where the new pack's `$schema` lines point and what its package.json is: the nearest folder
 * above the pack that is the anjian repository (`packages/core` is `@anjian/core` with its
 * schemas: a workspace pack, schemas from the source) or has `@anjian/core` installed
 * (`node_modules/@anjian/core/schema`); neither: the `node_modules` of the folder the command
 * runs in, where `npm install` will put it.
 */
function scaffoldPlace(target: string, cwd: string, cliVersion: string): { schemaDir: string; home: ScaffoldHome } {
  const project = { kind: 'project', cliVersion } as const;
  for (let dir = dirname(target); ; dir = dirname(dir)) {
    const core = join(dir, 'packages', 'core');
    const repo = readAnjianCore(core);
    if (repo) return { schemaDir: join(core, 'schema'), home: { kind: 'repo', directory: relative(dir, target).split('\\').join('/'), ...repo } };
    const installed = join(dir, 'node_modules', '@anjian', 'core', 'schema');
    if (existsSync(join(installed, 'pack.schema.json'))) return { schemaDir: installed, home: project };
    if (dirname(dir) === dir) break;
  }
  return { schemaDir: join(cwd, 'node_modules', '@anjian', 'core', 'schema'), home: project };
}

/** The repository fields of `@anjian/core`'s package.json in `dir`, when `dir` is core's source with its schemas. */
function readAnjianCore(dir: string): { repository: { type: string; url: string }; bugs: string; license: string } | undefined {
  if (!existsSync(join(dir, 'schema', 'pack.schema.json'))) return undefined;
  try {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: unknown; repository?: { type?: unknown; url?: unknown }; bugs?: unknown; license?: unknown };
    if (pkg.name !== '@anjian/core' || typeof pkg.repository?.url !== 'string') return undefined;
    return {
      repository: { type: typeof pkg.repository.type === 'string' ? pkg.repository.type : 'git', url: pkg.repository.url },
      bugs: typeof pkg.bugs === 'string' ? pkg.bugs : '',
      license: typeof pkg.license === 'string' ? pkg.license : '',
    };
  } catch {
    return undefined;
  }
}
