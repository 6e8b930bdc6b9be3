import { describe, expect, it } from 'vitest';
import { defineDataset, field, validate } from '../../index.js';
import { readCsv } from '../../sources/csv/read-csv.js';
import { en } from './en.js';
import { SOURCE_LABELS_VI } from './source-labels.js';

const csv = (text: string) => readCsv((async function* () { yield new TextEncoder().encode(text); })());

describe('SOURCE_LABELS_VI', () => {
  it('names only codes that are built-in codes (a misspelt key would never be used)', () => {
    expect(Object.keys(SOURCE_LABELS_VI).filter((code) => !Object.hasOwn(en, code))).toEqual([]);
  });

  it("is what a source rule's Vietnamese description says, where it quoted the code", async () => {
    const def = defineDataset({ name: 'p', fields: { id: field.text(), name: field.text() } });
    const report = await validate(def, csv('id,name\n1\n'), { now: new Date('2026-11-22T00:00:00Z'), locale: 'vi' });
    const rule = report.rules.find((r) => r.id === 'source.missing_cell');
    expect(rule?.description).toEqual({ en: 'the input is read without missing cell findings', vi: 'tệp đầu vào được đọc không có lỗi thiếu ô' });
  });
});
