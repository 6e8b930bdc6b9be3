import { describe, expect, it } from 'vitest';
import { childUnderSix } from './child-under-six.js';
import { codes, day, runRecord } from './_testkit.js';

const rule = childUnderSix({ card: 'card', dob: 'dob', validFrom: 'from', validTo: 'to' });
const row = (card: string, dob: string, from: string, to: string) =>
  ({ card, dob: day(dob), from: day(from), to: day(to) });

describe('childUnderSix', () => {
  it.each([
    ['born 2021-03-10, card 2021-03-10 → 2027-03-10', '2021-03-10', '2021-03-10', '2027-03-10'],
    ['birthday before the school year keeps the card to 30/9', '2021-03-10', '2025-01-01', '2027-09-30'],
    ['birthday after 30/9: valid to the birthday', '2020-11-15', '2025-01-01', '2026-11-15'],
    ['card starts the day before the sixth birthday', '2020-05-01', '2026-04-30', '2026-09-30'],
    ['born 29/02: sixth birthday 28/02', '2020-02-29', '2026-02-27', '2026-09-30'],
  ])('accepts a TE card: %s', (_label, dob, from, to) => {
    expect(runRecord(rule, row('TE1010123456789', dob, from, to))).toEqual([]);
  });

  it.each([
    ['starts on the sixth birthday', '2020-05-01', '2026-05-01', '2026-09-30', ['te_card_child_too_old']],
    ['starts after six', '2018-01-01', '2025-01-01', '2025-12-31', ['te_card_child_too_old', 'te_card_valid_too_long']],
    ['valid past 30/9 of the sixth year', '2021-03-10', '2025-01-01', '2027-10-01', ['te_card_valid_too_long']],
    ['valid past an autumn birthday', '2020-11-15', '2025-01-01', '2026-11-16', ['te_card_valid_too_long']],
  ])('reports a TE card that %s', (_label, dob, from, to, expected) => {
    expect(codes(runRecord(rule, row('TE1010123456789', dob, from, to)))).toEqual(expected);
  });

  it.each([['DN4010123456789'], ['HS4010123456789'], ['te1010123456789']])('ignores card %s (not a well-formed TE card)', (card) => {
    expect(runRecord(rule, row(card, '2000-01-01', '2025-01-01', '2025-12-31'))).toEqual([]);
  });

  it('skips rows missing a date', () => {
    expect(runRecord(rule, { card: 'TE1010123456789', dob: day('2000-01-01'), from: day('2025-01-01') })).toEqual([]);
  });
});
