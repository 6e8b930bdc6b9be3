import { describe, expect, it } from 'vitest';
import { nfc } from './nfc.js';
import { codes, runValue } from '../cross/_testkit.js';
import { renderMessage } from '../../../src/core/message.js';

describe('nfc', () => {
  it.each([['Nguyễn'], ['Đặng Thị Thủy'], ['Hanoi'], ['ĐĐ']])('accepts %s', (text) => {
    expect(runValue(nfc(), text)).toEqual([]);
  });

  it.each([['Nguye\u0302\u0303n', 'Nguyễn'], ['Thu\u0309y', 'Thủy'], ['Ha\u0300 No\u0323\u0302i', 'Hà Nội']])('reports %s', (text, fixed) => {
    const found = runValue(nfc(), text);
    expect(codes(found)).toEqual(['not_nfc']);
    expect(found[0]?.suggestion).toBe(fixed);
  });

  it('cites the Vietnamese standard in both locales', () => {
    const rule = nfc();
    expect(rule.criterion).toBe('clean');
    for (const locale of ['en', 'vi'] as const) {
      expect(renderMessage('not_nfc', { field: 'ten', value: 'x' }, locale, undefined, rule.messages)).toContain('TCVN 6909:2001');
    }
  });
});
