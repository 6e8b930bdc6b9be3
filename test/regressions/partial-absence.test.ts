import { describe, expect, it } from 'vitest';
import { defineDataset, field, readCsv, rule, validate, type TabularSource } from '../../src/index.js';
import { errorGroups } from '../../src/core/error-groups.js';

const NOW = new Date('2026-11-22T00:00:00Z');

/** A source that hands over `rows`, then fails: the input is not read whole (a dropped connection, a damaged file). */
function failing(rows: string[][]): TabularSource {
  return {
    kind: 'test',
    async *batches() {
      yield { rows, columns: ['id', 'province', 'updated'] };
      throw new Error('the connection was lost');
    },
    info: () => ({ kind: 'test', name: 'cut' }),
  } as unknown as TabularSource;
}

// A refused connection or a damaged workbook reported "the table has 0 records, fewer than the expected 1" (rowCount
// failed): no one had counted them. Coverage and freshness said the same of values the unread part may hold.
describe('a run that could not read its input whole asserts no absence', () => {
  const definition = (count: Parameters<typeof rule.rowCount>[0]) => defineDataset({
    name: 'd', fields: { id: field.text(), province: field.text(), updated: field.date() },
    rules: [rule.rowCount(count), rule.coverage('province', ['01', '79']), rule.freshness('updated', { days: 30 })],
  });

  it('too few records, a value not seen, no recent date: not known (error), not failed', async () => {
    const report = await validate(definition({ min: 5 }), failing([['a', '01', '2020-01-01'], ['b', '01', '2020-02-01']]), { now: NOW });
    expect(report.partial).toBe(true);
    const status = Object.fromEntries(report.rules.filter((r) => !r.id.startsWith('source.')).map((r) => [r.id, [r.status, r.error]]));
    expect(status).toMatchObject({
      rowCount: ['error', 'not known whether the table has at least 5 records (2 read): the input could not be read whole, and what was not read may hold it'],
      'province.coverage': ['error', 'not known whether 1 of the 2 expected values of province are present: the input could not be read whole, and what was not read may hold it'],
      'updated.freshness': ['error', 'not known whether updated holds a recent enough date: the input could not be read whole, and what was not read may hold it'],
    });
  });

  // Regression: a Vietnamese report said these in English.
  it('says them in Vietnamese in a run in locale vi, and leaves them out of the error groups as in English', async () => {
    const report = await validate(definition({ min: 5 }), failing([['a', '01', '2020-01-01'], ['b', '01', '2020-02-01']]), { now: NOW, locale: 'vi' });
    const tail = ': không đọc được toàn bộ tệp đầu vào, và phần chưa đọc có thể chứa điều đó';
    const status = Object.fromEntries(report.rules.filter((r) => !r.id.startsWith('source.')).map((r) => [r.id, r.error]));
    expect(status).toMatchObject({
      rowCount: `chưa biết liệu bảng có ít nhất 5 bản ghi hay không (đã đọc 2)${tail}`,
      'province.coverage': `chưa biết liệu 1 trong 2 giá trị cần có của province có mặt hay không${tail}`,
      'updated.freshness': `chưa biết liệu updated có ngày đủ gần đây hay không${tail}`,
    });
    expect(errorGroups(report.rules, true).flatMap((g) => g.ids).filter((id) => !id.startsWith('source.'))).toEqual([]);
  });

  it('what the rows read prove is still judged: too many records, every value seen, a recent date', async () => {
    const rows = [['a', '01', '2026-11-20'], ['b', '79', '2020-02-01'], ['c', '01', '2020-02-01'], ['d', '01', '2020-02-01']];
    const report = await validate(definition({ max: 3 }), failing(rows), { now: NOW });
    const status = Object.fromEntries(report.rules.filter((r) => !r.id.startsWith('source.')).map((r) => [r.id, r.status]));
    expect(status).toMatchObject({ rowCount: 'failed', 'province.coverage': 'passed', 'updated.freshness': 'passed' });
  });
});

// A 0-byte (or BOM-only) file is read whole: it is a partial read only in that nothing was evaluated. Its rules said
// "not known whether the table has at least 1 record (0 read): … what was not read may hold it", of a file with
// nothing left unread.
describe('an empty input is known to hold nothing', () => {
  it('too few records, a value not seen: failed, beside the read error', async () => {
    const def = defineDataset({
      name: 'd', fields: { id: field.text(), province: field.text(), updated: field.date() },
      rules: [rule.rowCount({ min: 1 }), rule.coverage('province', ['01']), rule.freshness('updated', { days: 30 })],
    });
    for (const bytes of [new Uint8Array(0), Uint8Array.of(0xef, 0xbb, 0xbf)]) {
      const report = await validate(def, readCsv(bytes), { now: NOW });
      expect([report.status, report.partial]).toEqual(['error', true]);
      const status = Object.fromEntries(report.rules.map((r) => [r.id, r.status]));
      expect(status).toMatchObject({ rowCount: 'failed', 'province.coverage': 'failed', 'updated.freshness': 'skipped', 'source.empty': 'failed' });
      expect(report.error).not.toMatch(/not known/);
    }
  });
});
