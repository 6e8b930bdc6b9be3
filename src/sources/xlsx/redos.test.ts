import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { check } from 'recheck';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// The workbook reader runs these over text from the file (cell tags, the end of each part, error messages).
const here = fileURLToPath(new URL('.', import.meta.url));
const shipped = readdirSync(here).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).map((f) => join(here, f));

/** Every regular-expression literal in a source file, found by the TypeScript parser (not by a regex). */
function regexLiterals(file: string): { source: string; flags: string; where: string }[] {
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const out: { source: string; flags: string; where: string }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isRegularExpressionLiteral(node)) {
      const text = node.text;
      const end = text.lastIndexOf('/');
      const line = sf.getLineAndCharacterOfPosition(node.getStart()).line + 1;
      out.push({ source: text.slice(1, end), flags: text.slice(end + 1), where: `${file.slice(here.length)}:${line}` });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

const literals = [
  ...shipped.flatMap(regexLiterals),
  // part-text.ts builds the test of a root's closing tag for each root: the sheet's, as an instance.
  { source: '^(?:</(?:[A-Za-z_][\\w.-]*:)?worksheet\\s*>|<(?:[A-Za-z_][\\w.-]*:)?worksheet(?:\\s[^<>]*)?/>)$', flags: '', where: 'part-text.ts (built)' },
];

describe('regular expressions of the workbook reader', () => {
  it('are found (the scan works)', () => {
    expect(literals.map((l) => `/${l.source}/${l.flags}`)).toEqual(expect.arrayContaining(['/<c\\s[^<>]*>/g']));
  });

  it.each(literals.map((l) => [l.where, l] as const))('%s is safe from ReDoS', async (_where, l) => {
    const diagnostics = await check(l.source, l.flags, { timeout: 10_000 });
    expect(diagnostics.status).toBe('safe');
  });
});
