import { describe, expect, it } from 'vitest';
import { maskValue, redact } from './mask.js';

describe('redact', () => {
  it.each<[string, string, readonly string[], string]>([
    ['the value as it is', 'cannot parse Nguyễn Văn An', ['Nguyễn Văn An'], 'cannot parse N***** V** A*'],
    ['in upper case', 'bad NGUYỄN VĂN AN', ['Nguyễn Văn An'], 'bad N***** V** A*'],
    ['decomposed (NFD)', `bad ${'Nguyễn Văn An'.normalize('NFD')}`, ['Nguyễn Văn An'], 'bad N***** V** A*'],
    ['with other spacing', 'bad nguyễn\tvăn   an', ['Nguyễn Văn An'], 'bad n*****\tv**   a*'],
    ['an identifier by its digits alone', 'id 123456 / 12-34-56', ['12-34-56'], 'id 1***** / 12*****6'],
    ['a short value as a whole word only', 'An, Anna, an', ['An'], '**, Anna, **'],
    ['a one-digit value as a whole word only', 'code 7 of 17', ['7'], 'code * of 17'],
    ['a long run of digits from anywhere', 'saw 079301123456 before', [], 'saw 0793******56 before'],
    ['regex characters in a value', 'got a+b (c)', ['a+b (c)'], 'got a** (**'],
    ['nothing for blank values', 'all fine', ['', '  '], 'all fine'],
  ])('%s', (_name, text, secrets, expected) => {
    expect(redact(text, secrets, maskValue)).toBe(expected);
  });
});
