import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BEYOND_LATIN1, MAY_DECOMPOSE, MOJIBAKE_LEAD, NON_ASCII, ODD_SPACE, onlyLettersWith, textFacts,
} from './_text-facts.js';
import { nfc } from './nfc.js';
import { whitespace } from '../vn/text/whitespace.js';
import { hasMojibakeSignature } from '../vn/text/_mojibake.js';
import type { RuleContext } from '../../src/core/types.js';

// The text rules skip their own pass when a fact says they cannot find anything: each fact must hold exactly where
// the pass it replaces would have found something to look at. These are those passes, written the plain way.
const ONLY_LETTERS = /^[\p{L}\p{M}\s]*$/u;
function some(t: string, p: (c: number) => boolean): boolean {
  for (let i = 0; i < t.length; i++) if (p(t.charCodeAt(i))) return true;
  return false;
}
const decomposable = (t: string): boolean => some(t, (c) => c >= 0x300 && (c < 0x1e00 || c > 0x1eff));

// Characters around every edge of the table: ASCII (digits, symbols, controls, doubled spaces), Latin-1 (the
// mojibake leads U+00C3–U+00E1 and their neighbours, NBSP, soft hyphen, NEL), Latin Extended-A/B and its end
// (U+024F/U+0250), combining marks, Latin Extended Additional and its ends, odd and invisible spaces, scripts the
// table does not know (Greek, Cyrillic, CJK), the table's end (U+2200), surrogates alone and in pairs.
const char = fc.oneof(
  fc.integer({ min: 0x00, max: 0x7f }), fc.constant(0x20), fc.integer({ min: 0x80, max: 0x100 }),
  fc.constantFrom(0x0103, 0x0111, 0x01a1, 0x01b0, 0x024f, 0x0250, 0x02c6, 0x02ff, 0x0300, 0x0301, 0x0303, 0x0309, 0x0323,
    0x036f, 0x0370, 0x03b1, 0x0430, 0x1680, 0x1dff, 0x1e00, 0x1ea1, 0x1ec5, 0x1ef9, 0x1eff, 0x1f00, 0x2000, 0x200b,
    0x2019, 0x2028, 0x202f, 0x205f, 0x20ac, 0x21ff, 0x2200, 0x3000, 0x4e00, 0xd83d, 0xde00, 0xfeff, 0xffff),
).map((c) => String.fromCharCode(c));
const text = fc.array(char, { maxLength: 16 }).map((cs) => cs.join(''));
const ctx = {} as RuleContext;

describe('textFacts', () => {
  it('says which characters a text has, as a pass over it would', () => {
    fc.assert(fc.property(text, (t) => {
      const f = textFacts(t);
      expect((f & NON_ASCII) !== 0).toBe(some(t, (c) => c >= 0x80));
      expect((f & BEYOND_LATIN1) !== 0).toBe(some(t, (c) => c >= 0x100));
      expect((f & MAY_DECOMPOSE) !== 0).toBe(decomposable(t));
      expect((f & MOJIBAKE_LEAD) !== 0).toBe(some(t, (c) => c >= 0xc3 && c <= 0xe1));
    }), { numRuns: 20_000 });
  });

  it('reads letters as the Unicode-property pattern does, asking it only past the table', () => {
    fc.assert(fc.property(text, (t) => {
      let asked = false;
      const answer = onlyLettersWith(t, (x) => { asked = true; return ONLY_LETTERS.test(x); });
      expect(answer).toBe(ONLY_LETTERS.test(t));
      if (asked) expect(some(t, (c) => c >= 0x250 && (c < 0x1e00 || c >= 0x1f00))).toBe(true);
    }), { numRuns: 20_000 });
  });

  it('leaves out ODD_SPACE and MOJIBAKE_LEAD only where whitespace and the signature find nothing', () => {
    const single = whitespace();
    const multi = whitespace({ multiline: true });
    fc.assert(fc.property(text, (t) => {
      const f = textFacts(t);
      if ((f & ODD_SPACE) === 0) {
        expect(single.check(t, ctx)).toBeUndefined();
        expect(multi.check(t, ctx)).toBeUndefined();
      }
      if ((f & MOJIBAKE_LEAD) === 0) expect(hasMojibakeSignature(t)).toBe(false);
    }), { numRuns: 20_000 });
    expect(textFacts('a  b') & ODD_SPACE).toBe(ODD_SPACE);
    expect(textFacts('a b') & ODD_SPACE).toBe(0);
  });

  it('lets nfc answer as normalising does', () => {
    const rule = nfc();
    fc.assert(fc.property(text, (t) => {
      const n = t.normalize('NFC');
      expect(rule.check(t, ctx)).toEqual(n === t ? undefined : { code: 'not_nfc', suggestion: n });
    }), { numRuns: 20_000 });
  });

  it('answers for the text asked, not the last one, when two texts alternate', () => {
    expect(textFacts('Hà Nội') & NON_ASCII).toBe(NON_ASCII);
    expect(textFacts('Ha Noi') & NON_ASCII).toBe(0);
    expect(textFacts('Hà Nội') & NON_ASCII).toBe(NON_ASCII);
  });
});
