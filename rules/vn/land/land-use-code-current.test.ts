import { describe, expect, it } from 'vitest';
import { landUseCodeCurrent } from './land-use-code-current.js';
import { codes, day, runValue } from '../cross/_testkit.js';

describe('landUseCodeCurrent', () => {
  it.each([
    ['BHK', 'HNK'], ['NHK', 'HNK'], ['LUN', 'LUK'], ['DDT', 'DDD'], ['DDL', 'DDD'],
  ])('reports %s in current data, suggesting %s', (code, replacement) => {
    const [f, ...rest] = runValue(landUseCodeCurrent(), code);
    expect(rest).toEqual([]);
    expect(f?.code).toBe('replaced_land_use_code');
    expect(f?.suggestion).toBe(replacement);
  });

  it('reads a code without its surrounding whitespace (the replaced code "BHK " passed)', () => {
    for (const code of ['BHK ', '\u00a0BHK', 'BHK\t']) {
      expect(runValue(landUseCodeCurrent(), code).map((f) => [f.code, f.suggestion])).toEqual([['replaced_land_use_code', 'HNK']]);
    }
  });

  it.each([['LUC'], ['HNK'], ['ONT'], ['XYZ'], ['NNP']])('lets %s pass', (code) => {
    expect(runValue(landUseCodeCurrent(), code)).toEqual([]);
  });

  it.each([
    ['2024-07-31', []], ['2024-08-01', ['replaced_land_use_code']], ['2020-01-01', []],
  ])('judges BHK at now = %s as %j (the 2024 scheme starts 1/8/2024)', (now, expected) => {
    expect(codes(runValue(landUseCodeCurrent(), 'BHK', {}, day(now)))).toEqual(expected);
  });

  it('is a live rule', () => {
    expect(landUseCodeCurrent().criterion).toBe('live');
  });
});
