import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import ts from 'typescript';
import { check } from 'recheck';
import { SYLLABLE } from '../text/_vietnamese.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const mine = ['admin', 'land', 'text', 'dates', 'cross'].flatMap((d) => readdirSync(join(root, d)).map((f) => join(d, f)))
  .concat(['tables/land-use-codes.ts', 'tables/salary.ts', 'domain.ts'])
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

/** Every regular-expression literal in a source file, and whether the file builds others with `new RegExp`. */
function regexesOf(file: string): { literals: RegExp[]; constructed: boolean } {
  const text = readFileSync(join(root, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const literals: RegExp[] = [];
  let constructed = false;
  const visit = (node: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const lit = node.getText(source);
      const end = lit.lastIndexOf('/');
      literals.push(new RegExp(lit.slice(1, end), lit.slice(end + 1)));
    }
    if (ts.isNewExpression(node) && node.expression.getText(source) === 'RegExp') constructed = true;
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { literals, constructed };
}

const found = mine.map((f) => ({ file: f, ...regexesOf(f) }));
const shipped: [string, RegExp][] = found.flatMap((f) => f.literals.map((re): [string, RegExp] => [f.file, re]));
shipped.push(['text/_vietnamese.ts (built)', SYLLABLE]);

describe('regular expressions of the Vietnamese domain rules', () => {
  it('builds patterns with new RegExp only where this test checks them', () => {
    expect(found.filter((f) => f.constructed).map((f) => f.file)).toEqual(['text/_vietnamese.ts']);
    expect(shipped.length).toBeGreaterThan(15);
  });

  it.each(shipped)('%s: %s is safe from ReDoS', async (_file, re) => {
    const result = await check(re.source, re.flags.replace(/[gy]/g, ''));
    expect(result.status).toBe('safe');
  });
});
