import { describe, expect, it } from 'vitest';
import { isSpace } from '../src/core/strip-spaces.js';
import { missingTest } from '../src/core/missing.js';
import { trimmed } from '../rules/clean/trimmed.js';
import { identifierText } from '../rules/vn/identifiers/_text.js';
import { pattern } from '../rules/correct/pattern.js';
import { codes, ctx } from './_ctx.js';

// Regression: `trimmed` and the missing-value test each had their own list, and the identifier rules used
// JavaScript's trim: a zero-width space after an ID was trimmed's finding and the CCCD rule's too, a word joiner
// around one was the CCCD rule's only. For every UTF-16 code unit they now agree on what is white space.
describe('every rule agrees on what surrounds a value', () => {
  it('for each of the 65,536 code units', () => {
    const missing = missingTest([]);
    const rule = trimmed();
    const pad = pattern(/^\d{5}$/, { trim: true });
    const disagree: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      const space = isSpace(c);
      const flagged = codes(rule, `38239${ch}`).length === 1 && codes(rule, `${ch}38239`).length === 1;
      const judgedWithout = identifierText(`${ch}38239${ch}`) === '38239' && codes(pad, `38239${ch}`).length === 0;
      if (missing(ch) !== space || flagged !== space || judgedWithout !== space) disagree.push(c.toString(16));
    }
    expect(disagree).toEqual([]);
  });

  it('trimmed suggests what the identifier rules judge', () => {
    for (const v of ['001089012345\u200b', '\u200d001089012345\u0085', '\ufeff\u0001001089012345\u2060']) {
      expect(trimmed().check(v, ctx())).toEqual({ code: 'surrounding_whitespace', suggestion: identifierText(v) });
    }
  });
});
