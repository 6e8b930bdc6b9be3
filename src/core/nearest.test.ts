import { describe, expect, it } from 'vitest';
import { nearest } from './nearest.js';

describe('nearest', () => {
  // Before: no suggestion for a swapped pair (two edits) in a name under 8 letters, nor for any slip under 4 letters.
  it.each([
    ['weigth', ['height', 'weight'], 'weight'],
    ['cod', ['col', 'code'], 'code'],
    ['naem', ['name', 'note'], 'name'],
    ['dbo', ['dob'], 'dob'],
    ['nam', ['name'], 'name'],
    ['Mã Xa', ['ma_xa'], 'ma_xa'],
    ['owner_id', ['id', 'ownerId'], 'ownerId'],
    ['comune_code', ['commune_code'], 'commune_code'],
    ['comune_kode', ['commune_code'], 'commune_code'],
    ['adress', ['address'], 'address'],
  ])('%s among %j → %s', (name, candidates, found) => {
    expect(nearest(name, candidates)).toBe(found);
  });

  // Short names two slips apart, or three letters with one wrong, are other words: no suggestion.
  it.each([
    ['cod', ['col', 'cot', 'god']],
    ['age', ['ago']],
    ['sex', ['set']],
    ['id', ['ad', 'ids']],
    ['note', ['name']],
    ['code', ['cdoe_x']],
    ['phone', ['phase']],
    ['weight', ['height_m']],
    ['cd', ['code']],
  ])('%s → nothing among %j', (name, candidates) => {
    expect(nearest(name, candidates)).toBeUndefined();
  });

  it('prefers the fewest slips, then the first candidate', () => {
    expect(nearest('weigth', ['weigh', 'weight'])).toBe('weigh');
    expect(nearest('code', ['cod', 'codes'])).toBe('cod');
    expect(nearest('wieght', ['weight', 'wight'])).toBe('weight');
  });
});
