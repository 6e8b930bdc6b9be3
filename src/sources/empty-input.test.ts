import { describe, expect, it } from 'vitest';
import { emptyInput } from './empty-input.js';

describe('emptyInput', () => {
  it.each([
    [0, [], 'the input is empty (0 bytes)'],
    [3, [0xef, 0xbb, 0xbf], 'the input holds only a byte order mark (UTF-8, 3 bytes)'],
    [2, [0xff, 0xfe], 'the input holds only a byte order mark (UTF-16 LE, 2 bytes)'],
    [2, [0xfe, 0xff], 'the input holds only a byte order mark (UTF-16 BE, 2 bytes)'],
    [6, [0xef, 0xbb, 0xbf], 'the input holds only a byte order mark and whitespace (6 bytes)'],
    [2, [0x0a, 0x0a], 'the input holds only whitespace (2 bytes)'],
  ])('%i bytes starting %j: %s', (bytes, head, error) => {
    const got = emptyInput(bytes, Uint8Array.from(head));
    expect(got.error).toBe(error);
    expect(got.issue).toEqual({ code: 'empty', criterion: 'sufficient', severity: 'error', scope: 'file', params: { bytes } });
  });
});
