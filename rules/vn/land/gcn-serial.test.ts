import { describe, expect, it } from 'vitest';
import { gcnSerial } from './gcn-serial.js';
import { codes, runValue } from '../cross/_testkit.js';

describe('gcnSerial', () => {
  it.each([['AB 123456'], ['AB123456'], ['CĐ 654321'], ['BX 012345'], ['AA 12345678'], ['AA12345678'], ['A 1234567'], ['H0123456']])(
    'accepts %s', (serial) => {
      expect(runValue(gcnSerial(), serial)).toEqual([]);
    });

  it.each([['ab 123456'], ['AB-123456'], ['AB  123456'], ['AB 12345'], ['ABC 123456'], ['123456'], ['AB 1234567'], [' AB  123456'], ['']])(
    'reports %s as unusual', (serial) => {
      expect(codes(runValue(gcnSerial(), serial))).toEqual(['unusual_gcn_serial']);
    });

  // Regression: "AB 234567" + NBSP was "unusual_gcn_serial": a right serial with a stray space is `trimmed`'s finding.
  it.each([[' AB 123456'], ['AB 123456\u00a0'], ['\ufeffAB123456'], ['A 1234567\t']])('judges %j without its surrounding whitespace', (serial) => {
    expect(runValue(gcnSerial(), serial)).toEqual([]);
  });

  it('reports unusual shapes as warnings', () => {
    expect(gcnSerial().severity).toBe('warning');
  });
});
