import { describe, expect, it } from 'vitest';
import { gradeOf } from './grades.js';
import type { Criterion } from './types.js';

const EVEN: Readonly<Record<Criterion, number>> = { correct: 1, sufficient: 1, clean: 1, live: 1 };
const sums = (s: Partial<Record<Criterion, readonly [number, number]>>) => ({
  correct: [0, 0], sufficient: [0, 0], clean: [0, 0], live: [0, 0], ...s,
}) as Record<Criterion, readonly [number, number]>;

describe('gradeOf', () => {
  // The overall grade was the mean of grades already rounded: 2/3 → 0.666667, and with 1 the mean 0.8333335 showed
  // as 0.833334, a millionth above 5/6.
  it.each<[string, Partial<Record<Criterion, readonly [number, number]>>, Criterion[], Record<string, number | null>, number | null]>([
    ['2/3 and 1 → 5/6', { correct: [3, 2], sufficient: [1, 1] }, ['correct'], { correct: 0.666667, sufficient: 1 }, 0.833333],
    ['1/3, 1/3 and 1/3 → 1/3', { correct: [3, 1], sufficient: [3, 1], clean: [3, 1] }, ['correct', 'sufficient', 'clean'],
      { correct: 0.333333, clean: 0.333333 }, 0.333333],
    ['1/6 and 1/6 → 1/6', { correct: [6, 1], clean: [6, 1] }, ['correct', 'clean'], { correct: 0.166667 }, 0.166667],
    ['2/3 alone', { live: [3, 2] }, ['live'], { live: 0.666667, correct: null }, 0.666667],
    ['no rule applied', {}, [], { correct: null }, null],
  ])('%s: each grade rounded to 6 decimals, the overall one once, from the exact grades', (_, s, failing, grades, overall) => {
    const g = gradeOf(sums(s), new Set(failing), EVEN);
    expect(g.grades).toMatchObject(grades);
    expect(g.overall).toBe(overall);
  });
});
