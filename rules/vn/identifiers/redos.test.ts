import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { check } from 'recheck';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const here = fileURLToPath(new URL('.', import.meta.url));
const shipped = [
  ...readdirSync(here).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).map((f) => join(here, f)),
  join(here, '..', 'identifiers.ts'),
  ...['dated.ts', 'provinces.ts', 'bhyt-object-codes.ts'].map((f) => join(here, '..', 'tables', f)),
];

/** Every regular-expression literal in a source file, found by the TypeScript parser (not by a regex). */
function regexLiterals(file: string): { source: string; flags: string; where: string }[] {
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const out: { source: string; flags: string; where: string }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isRegularExpressionLiteral(node)) {
      const text = node.text;
      const end = text.lastIndexOf('/');
      const line = sf.getLineAndCharacterOfPosition(node.getStart()).line + 1;
      out.push({ source: text.slice(1, end), flags: text.slice(end + 1), where: `${file}:${line}` });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

const literals = shipped.flatMap(regexLiterals);

describe('regular expressions shipped by the identifier rules', () => {
  it('are found (the scan works)', () => {
    expect(literals.map((l) => `/${l.source}/${l.flags}`)).toEqual(
      expect.arrayContaining(['/^([A-Z]{2})([1-5])(\\d{2})(\\d{10})$/', '/\\s/u']));
  });

  it.each(literals.map((l) => [l.where, l] as const))('%s is safe from ReDoS', async (_where, l) => {
    const diagnostics = await check(l.source, l.flags, { timeout: 10_000 });
    expect(diagnostics.status).toBe('safe');
  });
});
