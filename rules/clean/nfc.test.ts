import { describe, expect, it } from 'vitest';
import { nfc } from './nfc.js';
import { codes, ctx } from '../../test/_ctx.js';

describe('nfc', () => {
  const nfd = 'Nguyễn Thị Hằng'.normalize('NFD');
  it.each([
    ['Nguyễn Thị Hằng', []], [nfd, ['not_nfc']], ['plain ascii', []], ['Đặng', []],
  ])('%j → %j', (v, expected) => expect(codes(nfc(), v)).toEqual(expected));
  it('suggests the NFC form', () => {
    expect(nfc().check(nfd, ctx())).toEqual({ code: 'not_nfc', suggestion: 'Nguyễn Thị Hằng' });
  });
});
