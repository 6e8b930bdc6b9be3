import { describe, expect, it } from 'vitest';
import { provinceCurrent } from './province-current.js';
import { codes, day, runValue } from '../cross/_testkit.js';

const before = day('2025-06-30');
const after = day('2026-11-22');

describe('provinceCurrent', () => {
  it.each([
    ['27', '24'], ['02', '08'], ['26', '25'], ['77', '79'], ['74', '79'], ['94', '92'], ['64', '52'],
  ])('reports the retired code %s after 1/7/2025, suggesting %s', (code, replacement) => {
    const found = runValue(provinceCurrent(), code, {}, after);
    expect(codes(found)).toEqual(['retired_province_code']);
    expect(found[0]?.suggestion).toBe(replacement);
  });

  it.each([['24'], ['01'], ['79'], ['03'], ['x']])('lets %s pass after 1/7/2025', (code) => {
    expect(runValue(provinceCurrent(), code, {}, after)).toEqual([]);
  });

  it.each([['27'], ['02'], ['64']])('lets %s pass before 1/7/2025', (code) => {
    expect(runValue(provinceCurrent(), code, {}, before)).toEqual([]);
  });

  it('is a live rule', () => {
    expect(provinceCurrent().criterion).toBe('live');
  });
});
