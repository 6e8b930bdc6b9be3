import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// The README's TypeScript examples are what users copy: every block that is a whole module (it starts with an
// `import`) must compile under `tsc --strict` as written, against the package's own types, and without a cast.
// The shorter snippets (README and docs/*.md) use names an earlier block defined or that stand for the user's own
// objects (`parcels`, `db`): they compile too, each after a prelude that imports the package names it uses and
// declares those stand-ins, so a renamed export or a changed signature cannot leave them behind.
const tsBlocks = (text: string): string[] => [...text.matchAll(/^( *)```ts\n([\s\S]*?)^ *```/gm)]
  .map((m) => (m[2] as string).replace(new RegExp(`^${m[1] as string}`, 'gm'), ''));
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const blocks = tsBlocks(readme).filter((b) => b.startsWith('import '));
const docs = ['README.md', ...readdirSync(new URL('../docs/', import.meta.url)).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
const snippets = docs.flatMap((doc) => tsBlocks(readFileSync(new URL(`../${doc}`, import.meta.url), 'utf8'))
  .filter((b) => !blocks.includes(b)).map((b, i) => [`${doc.replace(/\W/g, '-')}-${i + 1}.ts`, b] as const));
const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

/** What a snippet may use without defining it: the user's own objects, typed as the snippets use them. */
const STAND_INS: Readonly<Record<string, string>> = {
  parcels: "declare const parcels: typeof import('ddss/datasets').landParcels;",
  now: 'declare const now: Date;',
  firstHalf: 'declare const firstHalf: readonly Record<string, string>[];',
  secondHalf: 'declare const secondHalf: readonly Record<string, string>[];',
  db: 'declare const db: { query(sql: string, params: readonly unknown[]): Promise<unknown> };',
  quarantine: 'declare const quarantine: { insert(row: number, rules: readonly string[]): Promise<void> };',
  stream: "declare const stream: import('node:stream').Readable;",
  report: "declare const report: import('ddss').Report;",
};

/** Names a snippet declares at its top level (imports, variables, functions, classes). */
function declared(text: string): Set<string> {
  const names = new Set<string>();
  const add = (n: ts.BindingName | ts.Identifier | undefined) => {
    if (n !== undefined && ts.isIdentifier(n)) names.add(n.text);
  };
  for (const st of ts.createSourceFile('x.ts', text, ts.ScriptTarget.ES2022).statements) {
    if (ts.isImportDeclaration(st)) {
      add(st.importClause?.name);
      const b = st.importClause?.namedBindings;
      if (b !== undefined && ts.isNamespaceImport(b)) add(b.name);
      if (b !== undefined && ts.isNamedImports(b)) for (const e of b.elements) add(e.name);
    } else if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) add(d.name);
    } else if (ts.isFunctionDeclaration(st) || ts.isClassDeclaration(st)) {
      add(st.name);
    }
  }
  return names;
}

/** The snippet after imports of the package names it uses and stand-ins of the user's objects it names. */
async function withPrelude(text: string): Promise<string> {
  const own = declared(text);
  const uses = (name: string) => !own.has(name) && new RegExp(`(?<![\\w.'"])${name}\\b`).test(text);
  const lines: string[] = [];
  const modules: ReadonlyArray<readonly [string, Record<string, unknown>]> = [
    ['ddss', await import('../src/index.js')], ['ddss/datasets', await import('../rules/datasets/index.js')],
    ['ddss/vn', await import('../rules/vn/index.js')], ['vitest', { expect: 1, it: 1 }],
  ];
  for (const [from, exports] of modules) {
    const names = Object.keys(exports).filter((n) => n !== 'default' && uses(n));
    if (names.length > 0) lines.push(`import { ${names.join(', ')} } from '${from}';`);
  }
  for (const [name, line] of Object.entries(STAND_INS)) if (uses(name)) lines.push(line);
  return `${lines.join('\n')}\n${text}\nexport {};\n`;
}

/** Type errors of `sources` (file name → text) compiled together, each as a module, under `--strict`. */
export function typeErrors(sources: Readonly<Record<string, string>>): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'ddss-readme-types-'));
  try {
    const files = Object.entries(sources).map(([name, text]) => {
      const file = join(dir, name);
      writeFileSync(file, text);
      return file;
    });
    const program = ts.createProgram(files, {
      strict: true, noEmit: true, skipLibCheck: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler, types: ['node'], typeRoots: [here('../node_modules/@types')],
      paths: {
        'ddss': [here('../src/index.ts')], 'ddss/vn': [here('../rules/vn/index.ts')],
        'ddss/datasets': [here('../rules/datasets/index.ts')], 'ddss/vitest': [here('../src/testing/vitest.ts')],
        // The examples sit in a temporary directory: resolve the test runner from this checkout.
        'vitest': [here('../node_modules/vitest/dist/index.d.ts')],
      },
    });
    return ts.getPreEmitDiagnostics(program).filter((d) => d.file === undefined || files.includes(d.file.fileName))
      .map((d) => `${d.file ? `${d.file.fileName.slice(dir.length + 1)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}: ` : ''}${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('README TypeScript examples', () => {
  it('has whole-module examples to check', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(2);
  });

  it('use no type assertion (rows are typed: no `as Date`)', () => {
    const casts = blocks.flatMap((b) => b.match(/\bas (?!const\b)[A-Za-z{[(]\w*/g) ?? []);
    expect(casts).toEqual([]);
  });

  it('has snippets to check in the README and docs/', () => {
    expect(snippets.filter(([f]) => f.startsWith('README')).length).toBeGreaterThanOrEqual(4);
    expect(snippets.filter(([f]) => f.startsWith('docs')).length).toBeGreaterThanOrEqual(2);
  });

  // One program for both (a program costs most of the time): the whole modules as written, the snippets after their
  // prelude.
  it('compile under tsc --strict as written (snippets with their imports and stand-ins)', async () => {
    const sources = Object.fromEntries([
      ...blocks.map((b, i) => [`block-${i + 1}.ts`, `${b}\nexport {};\n`] as const),
      ...await Promise.all(snippets.map(async ([f, b]) => [f, await withPrelude(b)] as const)),
    ]);
    expect(typeErrors(sources)).toEqual([]);
  }, 240_000);
});
