/**
 * Issue "Never a false passed", item 12: header findings and row findings of the same defect must not share one
 * rule's counts, and no source rule ever fails more than it checked.
 */
import { describe, expect, it } from 'vitest';
import { defineDataset, field, validate } from '../../src/index.js';
import { readCsv } from '../../src/sources/csv/read-csv.js';
import { ruleOf } from '../_run.js';

const NOW = new Date('2026-11-22T00:00:00.000Z');
const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);
const one = (b: Uint8Array) => (async function* () { yield b; })();

describe('header-scope source findings', () => {
  it('a control character in a header cell does not make the rows\' control-character rule table-level', async () => {
    const rows = Array.from({ length: 1000 }, (_, i) => `${i},${i === 10 || i === 20 ? 'x\u0007' : 'ok'}\n`).join('');
    const def = defineDataset({ name: 'ctl', fields: { id: field.text(), 'no\u0001te': field.text() } });
    const report = await validate(def, readCsv(one(bytes(`id,no\u0001te\n${rows}`))), { now: NOW });
    expect(ruleOf(report, 'source.control_character')).toMatchObject({ level: 'row', checked: 1000, failed: 2 });
    expect(ruleOf(report, 'source.header_control_character')).toMatchObject({ level: 'table', checked: 2, failed: 1 });
    // Two bad rows of a thousand: the row share is 0.998, the header's one bad column of two halves the table part.
    expect(report.criteria.clean.rowPassRate).toBe(0.998);
  });

  it('a UTF-16 LE file without a BOM read as UTF-8 never fails more header columns than it has', async () => {
    const text = 'id,name\n1,An\n2,Bình\n3,Chi\n';
    const le = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) { le[2 * i] = text.charCodeAt(i) & 0xff; le[2 * i + 1] = text.charCodeAt(i) >> 8; }
    const def = defineDataset({ name: 'u16', fields: { id: field.text(), name: field.text() } });
    const report = await validate(def, readCsv(one(le)), { now: NOW });
    for (const r of report.rules) expect(r.failed, r.id).toBeLessThanOrEqual(r.checked);
    expect(ruleOf(report, 'source.header_control_character').failed).toBeGreaterThan(0);
  });

  it('mixed line endings are one file-level finding: checked 1, failed 1', async () => {
    const def = defineDataset({ name: 'mix', fields: { a: field.text(), b: field.text(), c: field.text() } });
    const report = await validate(def, readCsv(one(bytes('a,b,c\r\n1,2,3\n4,5,6\r\n'))), { now: NOW });
    expect(ruleOf(report, 'source.mixed_line_endings')).toMatchObject({ level: 'table', checked: 1, failed: 1, score: 0 });
  });
});
