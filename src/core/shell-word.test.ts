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
    // A leading ~, or one after = or :, is a home directory to the shell (bash expands owner=~x in an argument).
    ['~draft.csv', "'~draft.csv'"],
    ['~/data/parcels.csv', "'~/data/parcels.csv'"],
    ['owner_idd=~owner_id', "'owner_idd=~owner_id'"],
    ['a:~/b', "'a:~/b'"],
    ['ban~nhap.csv', 'ban~nhap.csv'],
  ])('writes %j as %s', (text, word) => {
    expect(shellWord(text)).toBe(word);
  });
});
