import { describe, expect, it } from 'vitest';
import { parseShard } from './shard-spec.js';

describe('parseShard', () => {
  it.each([
    ['1/1', { index: 1, count: 1 }],
    ['2/7', { index: 2, count: 7 }],
    [' 7 / 7 ', { index: 7, count: 7 }],
  ])('reads %s', (text, spec) => {
    expect(parseShard(text)).toEqual(spec);
  });

  it.each([
    ['0/3', /counted from 1 .*\$\(\(JOB_COMPLETION_INDEX \+ 1\)\)\/3/],
    ['4/3', /K must be between 1 and 3/],
    ['1/0', /N must be between 1 and/],
    ['1/100001', /N must be between 1 and 100000/],
    ['-1/3', /must be K\/N/],
    ['1.5/3', /must be K\/N/],
    ['3', /must be K\/N/],
    ['', /must be K\/N/],
  ])('refuses %j', (text, message) => {
    expect(() => parseShard(text)).toThrow(message);
  });
});
