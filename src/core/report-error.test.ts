import { describe, expect, it } from 'vitest';
import { defineDataset, field, readCsv, validate } from '../index.js';

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

// Under --locale vi every output said "Không đánh giá được tập dữ liệu: the input could not be read completely: the
// input is empty (0 bytes)" (and "rule x could not run"): the reason is in the run's language, as "nothing to
// evaluate" already was; a reader's own words stay as written, but an empty input is said by its own finding.
describe("a report's error in Vietnamese", () => {
  const d = defineDataset({ name: 't', fields: { a: field.text() } });

  it('says the read was partial in Vietnamese, keeping the reader\'s words', async () => {
    async function* rows(): AsyncGenerator<object> {
      yield { a: '1' };
      throw new Error('disk gone');
    }
    const r = await validate(d, rows(), { now: new Date('2026-01-01'), locale: 'vi' });
    expect(r.error).toBe('không đọc được toàn bộ nguồn dữ liệu: disk gone');
  });

  it('says an empty input with its finding\'s Vietnamese message, and the English one unchanged', async () => {
    const vi = await validate(d, readCsv([new Uint8Array(0)]), { now: new Date('2026-01-01'), locale: 'vi' });
    expect(vi.error).toBe('không đọc được toàn bộ nguồn dữ liệu: đầu vào không có dữ liệu (0 byte); không có gì để đánh giá');
    const en = await validate(d, readCsv([new Uint8Array(0)]), { now: new Date('2026-01-01') });
    expect(en.error).toBe('the input could not be read completely: the input is empty (0 bytes)');
  });

  it('names a rule that could not run in Vietnamese, one or several', async () => {
    const boom = (): boolean => { throw new Error('boom'); };
    const one = defineDataset({ name: 't', fields: { a: field.text().check('explodes', boom) } });
    expect((await validate(one, [{ a: 'x' }], { now: new Date('2026-01-01'), locale: 'vi' })).error)
      .toMatch(/^quy tắc a\.explodes không chạy được: /);
    const two = defineDataset({ name: 't', fields: { a: field.text().check('x1', boom).check('x2', boom) } });
    expect((await validate(two, [{ a: 'x' }], { now: new Date('2026-01-01'), locale: 'vi' })).error)
      .toMatch(/^2 quy tắc không chạy được \(a\.x1, a\.x2\): /);
  });
});
