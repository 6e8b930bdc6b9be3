import { describe, expect, it } from 'vitest';
import { createLegacyDecoder } from './legacy-decoder.js';

const latin1 = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));

describe('createLegacyDecoder', () => {
  it.each([
    ['vni', ['Vie', 'ät Nam'], 'Việt Nam'],
    ['vni', ['Tiea', '\u00f9ng'], 'Tie\u00e1ng'],
    ['windows-1258', ['Ti\u00ea', '\u00ecng Vi\u00ea\u00f2t'], 'Tiếng Việt'],
    ['tcvn3', ['U', '\u00b3'], 'Ú'],
    ['tcvn3', ['TiÕng', ' ViÖt'], 'Tiếng Việt'],
  ] as const)('%s: a mark in the next chunk still composes with the letter before it (%j)', (encoding, chunks, text) => {
    const d = createLegacyDecoder(encoding);
    const out = chunks.map((c) => d.write(latin1(c))).join('') + d.end();
    expect(out).toBe(text.normalize('NFC'));
    expect(out).toBe(out.normalize('NFC'));
  });

  it('gives the same text byte by byte as in one chunk', () => {
    const bytes = latin1('Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam');
    const one = createLegacyDecoder('vni');
    const whole = one.write(bytes) + one.end();
    const d = createLegacyDecoder('vni');
    let text = '';
    for (const x of bytes) text += d.write(Uint8Array.of(x));
    expect(text + d.end()).toBe(whole);
    expect(whole).toBe('Cộng hòa xã hội chủ nghĩa Việt Nam');
  });
});
