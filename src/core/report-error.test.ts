import { describe, expect, it } from 'vitest';
import { defineDataset, field, validate } from '../index.js';

describe("a partial report's error", () => {
  it.each([
    ['ddss: could not read parcels.xlsx: no sheet "S"', 'the input could not be read completely: could not read parcels.xlsx: no sheet "S"'],
    ['disk gone', 'the input could not be read completely: disk gone'],
  ])('says "ddss:" once when the reader\'s error has it (%s)', async (message, error) => {
    const d = defineDataset({ name: 't', fields: { a: field.text() } });
    async function* rows(): AsyncGenerator<object> {
      yield { a: '1' };
      throw new Error(message);
    }
    const r = await validate(d, rows(), { now: new Date('2026-01-01') });
    expect({ status: r.status, error: r.error }).toEqual({ status: 'error', error });
  });
});
