/**
 * A quote inside a quoted value that was not doubled (`"Nhà "Hoa Mai" Q1"`) leaves text after the closing quote. The
 * reader took it as spreadsheets do (`Nhà Hoa Mai" Q1"`) and said nothing: a run on such a file passed, its values
 * guessed. It is `source.stray_quote` now (the reader's cases: test/csv-fixtures.test.ts, src/sources/csv/read-csv.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { defineDataset, field, validate } from '../../src/index.js';
import { readCsv } from '../../src/sources/csv/read-csv.js';
import { ruleOf } from '../_run.js';

const NOW = new Date('2026-11-22T00:00:00.000Z');
const csv = (text: string) => readCsv((async function* () { yield new TextEncoder().encode(text); })());
const parcels = defineDataset({
  name: 'parcels',
  fields: { parcel_id: field.text().required().unique(), address: field.text() },
});

describe('stray quote', () => {
  it('a file that passes without it fails with it, naming the row, field and the value read', async () => {
    const clean = await validate(parcels, csv('parcel_id,address\nP1,"Số 1, Lai Châu"\nP2,Thôn Đông\n'), { now: NOW });
    expect(clean.status).toBe('passed');
    const stray = await validate(parcels, csv('parcel_id,address\nP1,"Số 1, Lai Châu"\nP2,"Nhà "Hoa Mai" Q1"\n'), { now: NOW });
    expect(stray.status).toBe('failed');
    const r = ruleOf(stray, 'source.stray_quote');
    expect([r.criterion, r.severity, r.checked, r.failed]).toEqual(['clean', 'error', 2, 1]);
    expect(r.samples.map((s) => [s.row, s.line, s.field, s.value, s.code])).toEqual([[1, 3, 'address', 'Nhà Hoa Mai" Q1"', 'stray_quote']]);
    expect(r.samples[0]?.message).toBe('address: text follows the closing quote of a quoted value (a quote inside the value not ' +
      'doubled): read as spreadsheets read it, "Nhà Hoa Mai" Q1"", which may not be the value meant');
  });

  it('spaces after the closing quote are padding, kept in the value and not a stray quote (a padded export is not one error a cell)', async () => {
    const padded = await validate(parcels, csv('parcel_id,address\n"P1"  ,"Thôn Đông"\t\n"P2" , x\n'), { now: NOW });
    expect(padded.rules.some((r) => r.id === 'source.stray_quote')).toBe(false);
    const stray = await validate(parcels, csv('parcel_id,address\n"P1"  x,"Thôn Đông"\n'), { now: NOW });
    expect(ruleOf(stray, 'source.stray_quote').samples.map((s) => [s.field, s.value])).toEqual([['parcel_id', 'P1  x']]);
  });

  it('in a header cell it is a header finding of its own, not only the missing column it causes', async () => {
    const r = await validate(parcels, csv('"parcel_id"x,address\nP1,Thôn Đông\n'), { now: NOW });
    const h = ruleOf(r, 'source.header_stray_quote');
    expect([h.criterion, h.severity, h.level, h.checked, h.failed]).toEqual(['clean', 'error', 'table', 2, 1]);
    expect(h.samples.map((s) => [s.line, s.code])).toEqual([[1, 'header_stray_quote']]);
    expect(h.samples[0]?.message).toBe('header of column 1: text follows the closing quote of a quoted name (a quote inside ' +
      'the name not doubled): read as "parcel_idx", which may not be the name meant');
    // The rows' rule is not the header's: no row holds a stray quote.
    expect(r.rules.some((x) => x.id === 'source.stray_quote')).toBe(false);
    const vi = await validate(parcels, csv('parcel_id,"addr"ess\nP1,x\n'), { now: NOW, locale: 'vi' });
    expect(ruleOf(vi, 'source.header_stray_quote').samples[0]?.message).toMatch(/^tiêu đề cột 2: có chữ sau dấu ngoặc kép đóng/);
  });

  it('says it in Vietnamese too; a quote inside an unquoted value is the value as written, not reported', async () => {
    const vi = await validate(parcels, csv('parcel_id,address\n"P"1,x\nP2,"Nhà ""Hoa Mai"""\nP3,5" ống\n'), { now: NOW, locale: 'vi' });
    const r = ruleOf(vi, 'source.stray_quote');
    expect(r.samples.map((s) => [s.line, s.field, s.value])).toEqual([[2, 'parcel_id', 'P1']]);
    expect(r.samples[0]?.message).toMatch(/^parcel_id: có chữ sau dấu ngoặc kép đóng/);
  });
});
