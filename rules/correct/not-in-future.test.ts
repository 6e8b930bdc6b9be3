import { describe, expect, it } from 'vitest';
import { notInFuture } from './not-in-future.js';
import { codes } from '../../test/_ctx.js';

describe('notInFuture', () => {
  const now = new Date('2026-11-22T00:00:00Z');
  it.each([
    [new Date('2026-11-22T00:00:00Z'), []],
    [new Date('2020-01-01T00:00:00Z'), []],
    [new Date('2026-11-23T00:00:00Z'), ['future_date']],
  ])('%j → %j', (v, expected) => expect(codes(notInFuture(), v, now)).toEqual(expected));
});
