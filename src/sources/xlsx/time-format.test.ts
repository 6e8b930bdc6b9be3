import { describe, expect, it } from 'vitest';
import { timeFormat } from './time-format.js';

describe('timeFormat', () => {
  it.each([
    '[h]:mm', '[h]:mm:ss', '[mm]:ss', '[ss]', '[s].00', '[h]:mm:ss.0', '[HH]:MM', '[Red][h]:mm', '[Color10][h]:mm',
    '[$-42A][h]:mm:ss', '[h]"h"mm', '[h]\\h mm', '[h]_)', '[h]:mm*-', '[h]:mm;@', '[<1]mm:ss;[h]:mm:ss', '[h]:mm;;',
    '[$₫-42A] [h]:mm', '[DBNum1][h]:mm',
    'h:mm', 'hh:mm:ss', 'h:mm AM/PM', 'h:mm:ss am/pm', 'h:mm A/P', 'mm:ss', 'mmss.0', 'h', '[$-F400]h:mm:ss\\ AM/PM',
    '[$-42A]h:mm;@', 'h "giờ" mm "phút"',
  ])('%s shows a duration or a time of day', (fmt) => {
    expect(timeFormat(fmt)).toBeDefined();
  });

  it.each([
    // dates and date-times, however decorated
    'dd/mm/yyyy', 'yyyy-mm-dd hh:mm', '[$-42A]dd/mm/yyyy', '[$-F800]dddd, mmmm dd, yyyy', 'mmm', 'mmm-yy', 'm',
    'dd/mm/yyyy [h]:mm', 'm/d/yy "h":mm', 'bbbb', '[h]:mm mmm',
    // numbers and text, a quoted or escaped "h" included
    'General', '0', '0.00', '#,##0', '0.00E+00', '0%', '0" h"', '"h"0', '\\h0', '[h]:mm;0.00', '@', '',
    // not a format it can read whole: an unclosed bracket, an unquoted letter it does not know, a fraction too fine
    '[h:mm', '[[[[h]:mm', '[h]:mm x', '[h] giờ', '[h]:mm:ss.0000',
    // a time only in the fourth section, which is for text: no number is shown in it
    '"a";"b";"c";[h]:mm',
  ])('%j is no duration format', (fmt) => {
    expect(timeFormat(fmt)).toBeUndefined();
  });

  it('reads m after an hour or before a second as minutes, and drops a text section', () => {
    expect(timeFormat('[h]"h"mm;@')?.sections).toEqual([{ condition: undefined, parts: [
      { kind: 'hours', width: 1, elapsed: true }, { kind: 'text', text: 'h' }, { kind: 'minutes', width: 2, elapsed: false },
    ] }]);
    expect(timeFormat('[<1]mm:ss;[h]')?.sections.map((s) => [s.condition, s.parts[0]])).toEqual([
      [{ op: '<', value: 1 }, { kind: 'minutes', width: 2, elapsed: false }],
      [undefined, { kind: 'hours', width: 1, elapsed: true }],
    ]);
  });

  it('reads a long run of brackets in linear time (the format comes from the file)', () => {
    const start = performance.now();
    expect(timeFormat(`${'['.repeat(200_000)}h]:mm`)).toBeUndefined();
    expect(timeFormat(`[h]${'"'.repeat(200_000)}`)).toBeDefined();
    expect(performance.now() - start).toBeLessThan(1000);
  });
});
