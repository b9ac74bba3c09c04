import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Verifier } from '@anjian/core/ports';
import { signStoreCheckpoint, verifyAudit } from '@anjian/core/audit';
import { createEd25519Signer, createEd25519Verifier, DEFAULT_CHECKPOINT_KEY_NAME } from '@anjian/core/node';
import type { Command, CommandArgs } from '../command.js';
import { auditPretty } from '../audit/audit-pretty.js';
import { openAuditStore } from '../audit/open-audit-store.js';
import { localize } from '../lang.js';
import { UsageError } from '../usage-error.js';

const NAME = 'audit';

const FILE_KINDS = {
  public: { 'zh-CN': '公钥', en: 'public key' },
  private: { 'zh-CN': '私钥', en: 'private key' },
  checkpoint: { 'zh-CN': '检查点', en: 'checkpoint' },
} as const;

function readKeyFile(cwd: string, file: string, what: keyof typeof FILE_KINDS): string {
  try {
    return readFileSync(resolve(cwd, file), 'utf8');
  } catch {
    throw new UsageError({ 'zh-CN': `读不到${FILE_KINDS[what]['zh-CN']}文件：${file}`, en: `cannot read the ${FILE_KINDS[what].en} file: ${file}` }, NAME);
  }
}

function keyError(file: string, error: unknown): UsageError {
  const why = error instanceof Error ? error.message : String(error);
  return new UsageError({ 'zh-CN': `${file} 不是 Ed25519 密钥（PEM）：${why}`, en: `${file} is not an Ed25519 key (PEM): ${why}` }, NAME);
}

/**
 * `anjian audit verify | checkpoint`: verify a store's audit trail (chain, global order,
 * signed checkpoints, the hazard list against a rebuild, outbox payloads, the denial log,
 * issued documents against the document trail),
 * or sign a checkpoint of it. Exit 0 clean / signed, 1 problems found / refused to sign,
 * 2 bad usage.
 *
 * @example
 * ```sh
 * anjian audit verify --sqlite .data/anjian.db --public-key checkpoint.pub --format json
 * anjian audit checkpoint --sqlite .data/anjian.db --key checkpoint.key > witness/$(date +%s).note
 * ```
 */
export const auditCommand: Command = {
  name: NAME,
  summary: {
    'zh-CN': '核验审计记录（哈希链、检查点、隐患列表、发件箱、已出具文书），或签发检查点',
    en: 'Verify the audit trail (hash chain, checkpoints, hazard list, outbox, issued documents), or sign a checkpoint',
  },
  usage: 'anjian audit verify|checkpoint (--sqlite <file> | --postgres <url>) [options]',
  details: {
    'zh-CN':
      'verify：报告每类问题的第一个出错位置（seq、隐患、版本），并逐份列出已出具文书与文书链不符之处（入链之前出具的文书为提示，不影响退出码）；退出码 0 完好，1 有问题，2 用法错误。给 --public-key 才验检查点签名。\ncheckpoint：用 --key 的 Ed25519 私钥签发检查点并存入数据库，检查点正文输出到标准输出，请另存一份到数据库之外。',
    en: 'verify: reports the first bad position (seq, hazard, version) of each kind of problem, and every issued document that differs from the document trail (those issued before documents were chained are notices and do not change the exit code); exit 0 intact, 1 problems, 2 usage. Checkpoint signatures are checked only with --public-key.\ncheckpoint: signs a checkpoint with the Ed25519 private key of --key and stores it; the note goes to stdout — keep a copy outside the database.',
  },
  positionals: true,
  options: {
    sqlite: { type: 'string', valueName: 'FILE', description: { 'zh-CN': 'SQLite 数据库文件', en: 'SQLite database file' } },
    postgres: { type: 'string', valueName: 'URL', description: { 'zh-CN': 'PostgreSQL 连接串', en: 'PostgreSQL connection string' } },
    schema: { type: 'string', valueName: 'NAME', description: { 'zh-CN': 'PostgreSQL 模式名（默认 anjian）', en: 'PostgreSQL schema (default anjian)' } },
    'public-key': { type: 'string', valueName: 'FILE', description: { 'zh-CN': '检查点公钥（PEM），用于验签', en: 'checkpoint public key (PEM), to check signatures' } },
    key: { type: 'string', valueName: 'FILE', description: { 'zh-CN': '检查点私钥（PEM），用于签发', en: 'checkpoint private key (PEM), to sign' } },
    'key-name': { type: 'string', valueName: 'NAME', description: { 'zh-CN': `密钥名（默认 ${DEFAULT_CHECKPOINT_KEY_NAME}）`, en: `key name (default ${DEFAULT_CHECKPOINT_KEY_NAME})` } },
    origin: { type: 'string', valueName: 'TEXT', description: { 'zh-CN': '检查点来源（日志名）', en: 'checkpoint origin (the log name)' } },
    checkpoint: { type: 'string', valueName: 'FILE', description: { 'zh-CN': '数据库之外保存的检查点（见证副本）', en: 'a checkpoint note kept outside the database (a witness copy)' } },
    format: { type: 'string', short: 'f', choices: ['pretty', 'json'], description: { 'zh-CN': '输出格式', en: 'output format' } },
    lang: { type: 'string', choices: ['zh-CN', 'en'], description: { 'zh-CN': '输出语言', en: 'output language' } },
  },
  async run(args: CommandArgs, { io, lang }) {
    const [action, ...extra] = args.positionals;
    if ((action !== 'verify' && action !== 'checkpoint') || extra.length > 0) {
      throw new UsageError({ 'zh-CN': '用法：anjian audit verify 或 anjian audit checkpoint', en: 'usage: anjian audit verify or anjian audit checkpoint' }, NAME);
    }
    const v = args.values;
    const keyName = typeof v['key-name'] === 'string' ? v['key-name'] : DEFAULT_CHECKPOINT_KEY_NAME;
    const origin = typeof v.origin === 'string' ? v.origin : undefined;
    const json = v.format === 'json';
    if (action === 'checkpoint') {
      if (typeof v.key !== 'string') throw new UsageError({ 'zh-CN': '签发检查点需要 --key <私钥文件>', en: 'signing a checkpoint needs --key <private key file>' }, NAME);
      let signer;
      try {
        signer = createEd25519Signer(readKeyFile(io.cwd, v.key, 'private'), keyName);
      } catch (error) {
        if (UsageError.is(error)) throw error;
        throw keyError(v.key, error);
      }
      const opened = await openAuditStore(v, io.cwd, NAME);
      try {
        const result = await signStoreCheckpoint(opened.store, signer, { now: new Date().toISOString(), ...(origin ? { origin } : {}) });
        if (json) io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        else if (result.kind === 'refused') io.stdout.write(`✗ ${localize(result.message, lang)}\n`);
        else io.stdout.write(result.checkpoint.text);
        if (!json && result.kind !== 'refused') {
          io.stderr.write(
            lang === 'en'
              ? `${result.kind === 'signed' ? 'signed' : 'unchanged since'} checkpoint #${result.checkpoint.seq} of ${opened.label}: ${result.checkpoint.size} events\n`
              : `${opened.label} 的检查点 #${result.checkpoint.seq}${result.kind === 'signed' ? '已签发' : '（日志无变化）'}：${result.checkpoint.size} 个事件\n`,
          );
        }
        return result.kind === 'refused' ? 1 : 0;
      } finally {
        await opened.close();
      }
    }
    let verifier: Verifier | undefined;
    if (typeof v['public-key'] === 'string') {
      try {
        verifier = createEd25519Verifier(readKeyFile(io.cwd, v['public-key'], 'public'), keyName);
      } catch (error) {
        if (UsageError.is(error)) throw error;
        throw keyError(v['public-key'], error);
      }
    }
    const witness = typeof v.checkpoint === 'string' ? [readKeyFile(io.cwd, v.checkpoint, 'checkpoint')] : [];
    const opened = await openAuditStore(v, io.cwd, NAME);
    try {
      const result = await verifyAudit(opened.store, { ...(verifier ? { verifier } : {}), checkpoints: witness, ...(origin ? { origin } : {}) });
      io.stdout.write(json ? `${JSON.stringify({ store: opened.label, ...result }, null, 2)}\n` : auditPretty(result, opened.label, lang));
      return result.ok ? 0 : 1;
    } finally {
      await opened.close();
    }
  },
};
