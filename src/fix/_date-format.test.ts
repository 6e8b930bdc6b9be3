import { describe, expect, it } from 'vitest';
import { reformatDate } from './_date-format.js';

describe('reformatDate', () => {
  it.each([
    ['2023-07-16', 'dd/MM/yyyy', '16/07/2023'],
    ['2023/7/6', 'dd/MM/yyyy', '06/07/2023'],
    ['16.07.2023', 'dd/MM/yyyy', '16/07/2023'],
    ['3/4/2023', 'dd/MM/yyyy', '03/04/2023'],
    ['16/07/2023', 'yyyy-MM-dd', undefined], // day first for a year-first field: the writer's order is unknown
    ['03/04/2023', 'MM/dd/yyyy', undefined],
    ['2023-07-16', 'MM/dd/yyyy', '07/16/2023'],
    ['31/02/2023', 'dd/MM/yyyy', undefined],
    ['2023-02-30', 'dd/MM/yyyy', undefined],
    ['16/07/23', 'dd/MM/yyyy', undefined],
    ['2023-07-16T10:00', 'dd/MM/yyyy', undefined],
    ['16-07/2023', 'dd/MM/yyyy', undefined],
    ['16/07/2023', 'dd/MM/yyyy', undefined], // already in the format
    ['2023-07-16', 'MM/yyyy', undefined], // a format that drops the day would drop information
    ['2023-07-16', 'dd/MM/yyyy HH:mm', undefined],
  ])('%s for a %s field → %s', (text, format, expected) => {
    expect(reformatDate(text, format)).toBe(expected);
  });
});
