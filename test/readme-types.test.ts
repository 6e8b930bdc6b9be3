import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// The README's TypeScript examples are what users copy: every block that is a whole module (it starts with an
// `import`) must compile under `tsc --strict` as written, against the package's own types, and without a cast.
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] as string).filter((b) => b.startsWith('import '));
const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

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

  it('compile under tsc --strict as written', () => {
    const sources = Object.fromEntries(blocks.map((b, i) => [`block-${i + 1}.ts`, `${b}\nexport {};\n`]));
    expect(typeErrors(sources)).toEqual([]);
  }, 240_000);
});
