/**
 * Issue "Never a false passed", regex guard: bounded repetitions of groups whose width varies (`^(a{1,30}){1,30}$`,
 * `^(.*a){20}$`) took 22 s on one 30-character cell. Definition files and TypeScript `.pattern()` refuse them alike,
 * while every regular expression ddss ships passes the same guard.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { field } from '../../src/index.js';
import { parseDefinition } from '../../src/declarative/parse-definition.js';
import { backtrackingRisk } from '../../src/core/backtracking-risk.js';
import { SYLLABLE } from '../../rules/vn/text/_vietnamese.js';

const SLOW = ['^(a{1,30}){1,30}$', '^(.*a){20}$'];

describe('patterns that backtrack for seconds on one short cell are refused', () => {
  it.each(SLOW)('a definition file refuses %s, naming the path', (source) => {
    const text = `name: x\nfields:\n  a: { type: text, pattern: '${source}' }\n`;
    expect(() => parseDefinition(text, { format: 'yaml', file: 'def.yaml' }))
      .toThrow(/^def\.yaml: fields\.a\.pattern: nested quantifier: .* \(can backtrack exponentially; rewrite it\)$/);
  });

  it.each(SLOW)('field.text().pattern() refuses %s unless { unsafe: true }', (source) => {
    expect(() => field.text().pattern(new RegExp(source))).toThrow(`ddss: pattern /${source}/ can backtrack exponentially`);
    expect(() => field.text().pattern(new RegExp(source), { unsafe: true })).not.toThrow();
  });
});

describe('every regular expression ddss ships passes the guard', () => {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (path.endsWith('.ts') && !path.endsWith('.test.ts')) files.push(path);
    }
  };
  walk(join(root, 'rules'));
  walk(join(root, 'src'));
  const literals = files.flatMap((file) => {
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const out: [string, string, string][] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isRegularExpressionLiteral(node)) {
        const end = node.text.lastIndexOf('/');
        out.push([`${file.slice(root.length)}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}`, node.text.slice(1, end), node.text.slice(end + 1)]);
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
    return out;
  }).concat([['rules/vn/text/_vietnamese.ts (built)', SYLLABLE.source, SYLLABLE.flags]]);

  it('finds the literals (the scan works)', () => {
    expect(literals.length).toBeGreaterThan(50);
    expect(literals.some(([where]) => where.startsWith('rules/vn/'))).toBe(true);
  });

  it('none of them is refused', () => {
    const refused = literals.filter(([, source, flags]) => backtrackingRisk(source, flags) !== undefined).map(([where, source]) => `${where} /${source}/`);
    expect(refused).toEqual([]);
  });
});
