#!/usr/bin/env node
// Counts the names the root of @anjian/core exports (values and types alike) and fails when
// there are more than the budget (issue 12: a small root API; docs/decisions, API surface).
// Everything else lives behind a subpath: @anjian/core/audit, /node, /testing, /internal.
//
//   node scripts/count-exports.mjs            prints the count, exit 1 above 100
//   node scripts/count-exports.mjs --list     also lists the names
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export const ROOT_EXPORT_BUDGET = 100;

/** The names exported by a TypeScript entry file, sorted, each with `value` or `type`. */
export function exportedNames(entry) {
  const ts = createRequire(import.meta.url)('typescript');
  const program = ts.createProgram([entry], {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entry);
  if (!source) throw new Error(`cannot read ${entry}`);
  const moduleSymbol = checker.getSymbolAtLocation(source);
  if (!moduleSymbol) throw new Error(`${entry} is not a module`);
  return checker
    .getExportsOfModule(moduleSymbol)
    .map((symbol) => {
      const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      return { name: symbol.getName(), kind: target.flags & ts.SymbolFlags.Value ? 'value' : 'type' };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const entry = fileURLToPath(new URL('../packages/core/src/index.ts', import.meta.url));
  const names = exportedNames(entry);
  const values = names.filter((n) => n.kind === 'value').length;
  if (process.argv.includes('--list')) for (const n of names) console.log(`${n.kind === 'value' ? 'value' : 'type '} ${n.name}`);
  const line = `@anjian/core root exports ${names.length} names (${values} values, ${names.length - values} types); budget ${ROOT_EXPORT_BUDGET}`;
  if (names.length > ROOT_EXPORT_BUDGET) {
    console.error(`${line} — over budget: move internals to a subpath (@anjian/core/audit, /internal) / 根入口导出超出预算：请把内部名称移到子路径`);
    process.exit(1);
  }
  console.log(line);
}
