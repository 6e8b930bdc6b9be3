import { describe, expect, it } from 'vitest';
import { timeFormat, type TimeFormat } from './time-format.js';
import { timeText } from './time-text.js';

const fmt = (f: string): TimeFormat => timeFormat(f) as TimeFormat;
const S = 1 / 86_400;

describe('timeText', () => {
  it.each([
    ['[h]:mm', 36.5 / 24, '36:30'],
    ['[h]:mm', 100 + 0.5 / 24, '2400:30'],
    ['[mm]:ss', 0.5 / 24, '30:00'],
    ['[h]:mm:ss.00', 1.005 * S, '0:00:01.01'],
    ['[h]:mm:ss', 59.5 * S, '0:01:00'],
    ['[h]:mm', 59.5 * S, '0:01'],
    ['[h]:mm', 0, '0:00'],
    ['[$₫-42A] [h]:mm', 1 / 24, '₫ 1:00'],
    ['[h]_)', 1 / 24, '1 '],
    ['[h]:mm*-', 1 / 24, '1:00'],
  ])('%s of %d days is %j', (f, days, text) => {
    expect(timeText(days, fmt(f))).toBe(text);
  });

  it('picks the section by sign, and by condition', () => {
    expect(timeText(-1.5 / 24, fmt('[h]:mm'))).toBe('-1:30');
    expect(timeText(-1.5 / 24, fmt('[h]:mm;"âm "[h]:mm'))).toBe('âm 1:30');
    expect(timeText(0, fmt('[h]:mm;-[h]:mm;"không"[h]'))).toBe('không0');
    expect(timeText(0.5 / 24, fmt('[<=0.04]mm:ss;[h]:mm'))).toBe('30:00');
    expect(timeText(1.5 / 24, fmt('[<=0.04]mm:ss;[h]:mm'))).toBe('1:30');
  });

  it('shows a value its format hides (zeros hidden by [h]:mm;;) in the first section that shows a time: empty text is missing', () => {
    expect(timeText(0, fmt('[h]:mm;;'))).toBe('0:00');
    expect(timeText(-1 / 24, fmt('[h]:mm;"-"'))).toBe('-1:00');
  });
});
