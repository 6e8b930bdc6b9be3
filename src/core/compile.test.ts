import { describe, expect, it } from 'vitest';
import { defineDataset, field } from '../index.js';
import { compile } from './compile.js';

const signature = (f: ReturnType<typeof field.text> | ReturnType<typeof field.datetime>) =>
  compile(defineDataset({ name: 'd', fields: { x: f } })).signature;

// The signature decides which shard states merge: two definitions whose params show the same text must still differ.
describe('the signature of a definition', () => {
  const values = Array.from({ length: 12 }, (_, i) => `v${i}`);

  it('is the same for the same definition built twice', () => {
    expect(signature(field.text().oneOf([...values, 'v12']))).toBe(signature(field.text().oneOf([...values, 'v12'])));
  });

  it('differs for lists that differ past the twelve values their params show', () => {
    expect(signature(field.text().oneOf([...values, 'v12']))).not.toBe(signature(field.text().oneOf([...values, 'zz'])));
    expect(signature(field.text().notOneOf([...values, 'v12']))).not.toBe(signature(field.text().notOneOf([...values, 'zz'])));
  });

  it('differs for bounds within one day (params show the day)', () => {
    const at = (iso: string) => field.datetime().min(new Date(iso));
    expect(signature(at('2026-01-01T00:00:00Z'))).not.toBe(signature(at('2026-01-01T12:00:00Z')));
  });

  it('differs for a changed bound, as for min: 0 and min: 40', () => {
    expect(signature(field.text().length({ max: 10 }))).not.toBe(signature(field.text().length({ max: 11 })));
  });
});
