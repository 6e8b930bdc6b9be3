import { readFileSync } from 'node:fs';
import ts from 'typescript';

/** A regular-expression literal of a source file: its pattern, flags, and where it is (`file:line`). */
export interface RegexLiteral {
  readonly source: string;
  readonly flags: string;
  readonly where: string;
}

/**
 * Every regular-expression literal in a source file, found by the TypeScript parser (not by a regex), for the ReDoS
 * tests of the modules that run patterns over input. `name` is how the file is named in `where`.
 * @example regexLiterals('/x/a.ts', 'a.ts') // [{ source: '^\\d+$', flags: '', where: 'a.ts:3' }]
 */
export function regexLiterals(file: string, name = file): RegexLiteral[] {
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const out: RegexLiteral[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isRegularExpressionLiteral(node)) {
      const text = node.text;
      const end = text.lastIndexOf('/');
      const line = sf.getLineAndCharacterOfPosition(node.getStart()).line + 1;
      out.push({ source: text.slice(1, end), flags: text.slice(end + 1), where: `${name}:${line}` });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}
