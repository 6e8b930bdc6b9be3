import { describe, expect, it } from 'vitest';
import { max, min } from './bounds.js';
import { codes } from '../../test/_ctx.js';
import { defineDataset } from '../../src/define.js';
import { field } from '../../src/field.js';

describe('min / max', () => {
  it.each([
    [min(0), 0, []],
    [min(0), -1, ['below_minimum']],
    [min(0, { exclusive: true }), 0, ['not_above_minimum']],
    [min(0, { exclusive: true }), 0.1, []],
    [max(150), 150, []],
    [max(150), 151, ['above_maximum']],
    [max(150, { exclusive: true }), 150, ['not_below_maximum']],
    [min(new Date('2000-01-01')), new Date('1999-12-31'), ['below_minimum']],
    [max(new Date('2000-01-01')), new Date('1999-12-31'), []],
    [min(0), 'text', ['below_minimum']],
  ])('%#: %j', (rule, v, expected) => expect(codes(rule, v)).toEqual(expected));

  it('names an invalid Date bound as the mistake it is (it threw RangeError "Invalid time value")', () => {
    expect(() => defineDataset({ name: 'd', fields: { d: field.date().min(new Date('x')) } }))
      .toThrow('ddss: field "d": min must be a date on a date field, not Invalid Date');
  });
});

