import { describe, expect, it } from 'vitest';
import { shellWord } from './shell-word.js';

describe('shellWord', () => {
  it.each([
    ['data', 'data'],
    ['result.items', 'result.items'],
    ['/v1.0/a~1b', '/v1.0/a~1b'],
    ['dữ_liệu', 'dữ_liệu'],
    ['danh sách', "'danh sách'"],
    ["it's", "'it'\\''s'"],
    ['$HOME', "'$HOME'"],
    ['', "''"],
  ])('writes %j as %s', (text, word) => {
    expect(shellWord(text)).toBe(word);
  });
});
