import { describe, expect, it } from 'vitest';
import { noDistrictLevel } from './no-district-level.js';
import { codes, day, runValue } from '../cross/_testkit.js';

const after = day('2026-11-22');
const before = day('2025-01-01');

describe('noDistrictLevel', () => {
  it.each([[after, ['retired_district_level']], [day('2025-07-01'), ['retired_district_level']], [before, []]])(
    'judges a district code at %s as %j', (now, expected) => {
      expect(codes(runValue(noDistrictLevel(), '001', {}, now))).toEqual(expected);
    });

  it('is a live warning', () => {
    expect([noDistrictLevel().criterion, noDistrictLevel().severity]).toEqual(['live', 'warning']);
    expect(() => noDistrictLevel({ since: 'soon' })).toThrow();
  });
});
