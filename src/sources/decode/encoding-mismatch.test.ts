import { describe, expect, it } from 'vitest';
import { encodingMismatch } from './encoding-mismatch.js';
import type { Encoding } from './decoder.js';
import type { EncodingSniff } from './sniff-encoding.js';

const sniff = (likely: EncodingSniff['likely'], evidence: EncodingSniff['evidence'], letters = 0): EncodingSniff =>
  ({ likely, evidence, letters });

describe('encodingMismatch', () => {
  it.each([
    [sniff('utf16be', 'bom'), 'tcvn3', 'utf16be'],
    [sniff('utf16be', 'bom'), 'utf16le', 'utf16be'],
    [sniff('utf8', 'bom'), 'utf16le', 'utf8'],
    [sniff('utf16le', 'zero_bytes'), 'utf8', 'utf16le'],
    [sniff('utf8', 'utf8', 3), 'tcvn3', 'utf8'],
    [sniff('utf8', 'utf8', 3), 'vni', 'utf8'],
    [sniff('utf8', 'utf8', 0), 'utf16le', 'utf8'],
    [sniff('utf8', 'utf8', 0), 'windows-1258', undefined],
    [sniff('utf8', 'utf8', 3), 'utf8', undefined],
    [sniff('utf16le', 'bom'), 'utf16le', undefined],
    [undefined, 'utf8', undefined],
  ] as const)('%j read as %s → suggests %s', (s, used, suggestion) => {
    expect(encodingMismatch(s, used as Encoding)?.suggestion).toBe(suggestion);
  });

  it('is a file-level clean error naming both encodings, with the evidence in both locales', () => {
    expect(encodingMismatch(sniff('utf16le', 'zero_bytes'), 'tcvn3')).toEqual({
      code: 'encoding_mismatch', criterion: 'clean', severity: 'error', scope: 'file', suggestion: 'utf16le',
      params: { declared: 'tcvn3', likely: 'UTF-16 LE', evidence: {
        en: 'every other byte is zero, as in UTF-16 text', vi: 'cứ hai byte lại có một byte 0, như văn bản UTF-16' } },
    });
  });
});
