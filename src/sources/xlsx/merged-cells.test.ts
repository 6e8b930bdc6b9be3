import { afterAll, describe, expect, it } from 'vitest';
import { removeWorkbooks, writeWorkbook } from '../../../test/_workbook.js';
import { defineDataset } from '../../define.js';
import { field } from '../../field.js';
import { validate } from '../../validate.js';
import { compare } from '../../compare/compare.js';
import { mergedCells } from './merged-cells.js';
import { readXlsx } from './read-xlsx.js';

afterAll(removeWorkbooks);

const def = defineDataset({ name: 'parcels', fields: { id: field.text().required(), commune: field.text().required(), area: field.number() } });
const now = new Date('2026-11-22');

/** A register whose commune is merged down C3:C5 (one commune for three parcels), below a merged title. */
const register = (merge: (ws: { mergeCells: (r: string) => void }) => void) => writeWorkbook((wb) => {
  const ws = wb.addWorksheet('S');
  ws.addRows([['Sổ địa chính xã A'], ['id', 'commune', 'area'], ['P1', '12056', 10], ['P2', null, 20], ['P3', null, 30], ['P4', '12057', 40]]);
  ws.mergeCells('A1:C1');
  merge(ws);
});

describe('readXlsx on merged cells', () => {
  it('says which merged ranges of the data read as empty (the cells under a merged one read as missing, unsaid)', async () => {
    const path = await register((ws) => { ws.mergeCells('B3:B5'); });
    const report = await validate(def, readXlsx(path, { range: 'A2:C7' }), { now });
    const merged = report.rules.find((r) => r.id === 'source.merged_cells');
    expect(merged?.violations).toBe(1);
    expect(merged?.samples[0]?.message).toMatch(/B3:B5.*top-left cell only/);
    expect(report.rules.find((r) => r.id === 'commune.required')?.violations).toBe(2);
  });

  it('leaves a copy with the same merged cells equal to its source: nothing of it goes uncompared', async () => {
    const path = await register((ws) => { ws.mergeCells('B3:B5'); });
    const report = await compare(readXlsx(path, { range: 'A2:C7' }), readXlsx(path, { range: 'A2:C7' }), { key: 'id' });
    expect(report.sourceIssues.source).toEqual({ merged_cells: 1 });
    expect(report.status).toBe('equal');
  });

  it('says nothing of a merged title above the header', async () => {
    const path = await register(() => undefined);
    const report = await validate(def, readXlsx(path, { range: 'A2:C7' }), { now });
    expect(report.rules.find((r) => r.id === 'source.merged_cells')).toBeUndefined();
  });
});

describe('mergedCells', () => {
  it('notes each merged range as the text passes, whole tags only', () => {
    const ranges: string[] = [];
    const s = mergedCells(ranges);
    expect(s.scan('</sheetData><mergeCells count="2"><mergeCell ref="A1:C1"/><mergeCell re') + s.scan('f="B3:B5"/></mergeCells>') + s.end())
      .toBe('</sheetData><mergeCells count="2"><mergeCell ref="A1:C1"/><mergeCell ref="B3:B5"/></mergeCells>');
    expect(ranges).toEqual(['A1:C1', 'B3:B5']);
  });
});
