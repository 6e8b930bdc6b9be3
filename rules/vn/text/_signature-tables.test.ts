import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cp1252Bytes, fitsCp1252 } from './_cp1252.js';
import { hasMojibakeSignature } from './_mojibake.js';

// fitsCp1252 and hasMojibakeSignature run on every text cell of a legacyEncoding rule, so they look characters up in
// tables rather than Sets. These are the definitions they must agree with, written the plain way.
const fits = (text: string): boolean => cp1252Bytes(text) !== undefined;

const CONTINUATION = new Set<number>();
for (let b = 0x80; b < 0xc0; b++) if (cp1252Bytes(String.fromCharCode(b)) !== undefined) CONTINUATION.add(b);
for (const c of '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ') CONTINUATION.add(c.charCodeAt(0));
const LEADS = new Set([0xc3, 0xc4, 0xc5, 0xc6, 0xcc]);
const CLOSERS = new Set([0x2019, 0x201d, 0x203a, 0xbb]);

function signature(text: string): boolean {
  for (let i = 0; i + 1 < text.length; i++) {
    const c = text.charCodeAt(i);
    const n = text.charCodeAt(i + 1);
    if (c === 0xe1 && (n === 0xba || n === 0xbb)) return true;
    if (!LEADS.has(c) || !CONTINUATION.has(n) || (n === 0xa0 && c === 0xc3)) continue;
    if (!CLOSERS.has(n)) return true;
    const after = text.charCodeAt(i + 2);
    if (after > 0x40 && !CLOSERS.has(after)) return true;
  }
  return false;
}

// Characters where the tables matter: ASCII, Latin-1 (leads, continuations, 0xe1), Windows-1252 punctuation, the
// closers, Vietnamese letters past Latin-1, and characters past the tables' end (U+2200).
const char = fc.oneof(
  fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 0x80, max: 0xff }),
  fc.constantFrom(0x20ac, 0x201a, 0x0192, 0x2019, 0x201d, 0x203a, 0x2122, 0x0160, 0x017e, 0x0178, 0x1ea1, 0x01b0, 0x0111),
  fc.constantFrom(0x21ff, 0x2200, 0x2201, 0x3000, 0xfeff, 0xffff),
).map((c) => String.fromCharCode(c));
const text = fc.array(char, { maxLength: 12 }).map((cs) => cs.join(''));

describe('the character tables of the encoding diagnosis', () => {
  it('fitsCp1252 is whether the text has Windows-1252 bytes', () => {
    fc.assert(fc.property(text, (t) => fitsCp1252(t) === fits(t)), { numRuns: 20_000 });
  });

  it('hasMojibakeSignature finds the signature the plain definition finds', () => {
    fc.assert(fc.property(text, (t) => hasMojibakeSignature(t) === signature(t)), { numRuns: 20_000 });
  });

  it('agree on the examples of the rule', () => {
    expect([hasMojibakeSignature('Äáº¯k Láº¯k'), hasMojibakeSignature('NGÃ BA'), hasMojibakeSignature('“NGÃ”')]).toEqual([true, false, false]);
    expect([fitsCp1252('Tiếng Việt'), fitsCp1252('TiÕng ViÖt'), fitsCp1252('€ ‚ ™')]).toEqual([false, true, true]);
  });
});
