import { createReadStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { PassThrough, Writable } from 'node:stream';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { safeCell, VIOLATION_COLUMNS, violationSink, writeViolations, type ViolationFormat } from './violations.js';
import { validate } from '../core/validate.js';
import { failingReport, parcelRows } from '../../test/fixtures/outputs/reports.js';
import type { Violation } from '../core/types.js';

const dir = mkdtempSync(join(tmpdir(), 'ddss-violations-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const file = (ext: string) => join(dir, `v${n++}.${ext}`);

const base: Violation = {
  rule: 'owner_id.pattern', criterion: 'correct', severity: 'error', code: 'pattern_mismatch', row: 3, line: 5,
  key: 'P-0004', field: 'owner_id', value: '0010*****04', message: 'owner_id: bad', suggestion: 'fix',
};

/** Collects what is written to a stream. */
function memory(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

async function csvOf(violations: Violation[]): Promise<string[][]> {
  const m = memory();
  await writeViolations(m.stream, violations, { format: 'csv' });
  return Papa.parse<string[]>(m.text(), { skipEmptyLines: true }).data;
}

describe('safeCell and CSV formula injection', () => {
  const starts = ['=', '+', '-', '@', '\t', '\r', '\0'];
  it.each(starts)('prefixes a cell beginning with %j with an apostrophe', (c) => {
    expect(safeCell(`${c}HYPERLINK("http://x")`).startsWith("'")).toBe(true);
  });

  it.each(['P-0004', 'Nguyễn', ' =not first', '0010*****04', '', '-91600000000', '-1.5', '-0,25', '-.5', '-1e5'])('leaves %j unprefixed', (text) => {
    expect(safeCell(text)).toBe(text);
  });

  it.each(starts)('neutralises %j at the start of every text column in the CSV file', async (c) => {
    const evil = `${c}cmd|' /C calc'!A0`;
    const v: Violation = { ...base, rule: evil, code: evil, key: evil, field: evil, value: evil, message: evil, suggestion: evil };
    const [header, row] = await csvOf([v]);
    expect(header).toEqual([...VIOLATION_COLUMNS]);
    // A CR alone or a NUL is written as its escape (`csvText`), which starts no formula; the rest get the apostrophe.
    const start = c === '\r' ? '\\r' : c === '\0' ? '\\u0000' : "'";
    for (const col of ['rule', 'code', 'key', 'field', 'value', 'message', 'suggestion']) {
      expect(row?.[VIOLATION_COLUMNS.indexOf(col as never)]?.startsWith(start)).toBe(true);
    }
  });

  it.each(['-', '--', '-1+2', '-A1', '-5)', '-1.5.2', '-2 ', '- 3', '-1e5+cmd'])('still prefixes %j: a minus sign not followed by only a number', (text) => {
    expect(safeCell(text)).toBe(`'${text}`);
  });

  it.each(['-1.234,5', '-1.234.567', '-12.345.678,25', '-1,234.5', '-1,234,567'])('leaves %j, a negative number with its thousands grouped (Vietnamese or English), unprefixed', (text) => {
    expect(safeCell(text)).toBe(text);
  });

  it.each(['-1.23,4', '-1.234,5.6', '-1.2345,6', '-1,23.4'])('still prefixes %j: groups of other than three digits are no number', (text) => {
    expect(safeCell(text)).toBe(`'${text}`);
  });

  it('is reversible: a cell that began with an apostrophe gets one too, so taking one off gives every value back', () => {
    const values = ['=1', "'=1", "'", "''=1", "'-1", 'x', "'x", '-1.5', '@a'];
    const written = values.map(safeCell);
    expect(written).toEqual(["'=1", "''=1", "''", "'''=1", "''-1", 'x', "''x", '-1.5', "'@a"]);
    expect(written.map((w) => (w.startsWith("'") ? w.slice(1) : w))).toEqual(values);
  });

  it('shows NUL characters instead of dropping them', async () => {
    const [, row] = await csvOf([{ ...base, value: 'a\0b' }]);
    expect(row?.[8]).toBe('a\\u0000b');
    expect(safeCell('a\0b')).toBe('a\u2400b');
  });

  it('shows ESC, BEL and bidi overrides as \\uXXXX, so `cat` on the file cannot act on the terminal', async () => {
    const evil = '\u001b]0;TITLE\u0007\u001b[31mRED\u202eevil';
    const [, row] = await csvOf([{ ...base, key: evil, field: evil, value: evil, message: `bad ${evil}`, suggestion: evil }]);
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    for (const cell of row ?? []) expect(cell).not.toMatch(/[\u0007\u001b\u202e]/);
    expect(row?.[8]).toBe('\\u001b]0;TITLE\\u0007\\u001b[31mRED\\u202eevil');
  });
});

describe('writeViolations', () => {
  it.each([['csv'], ['ndjson']] as const)('writes %s with the fixed column order and reads back the same violations', async (format) => {
    const vs: Violation[] = [base, { rule: 'rowCount', criterion: 'sufficient', severity: 'error', code: 'too_few_rows', message: 'a, "b"\nc' }];
    const m = memory();
    await writeViolations(m.stream, vs, { format });
    const text = m.text();
    if (format === 'ndjson') {
      const lines = text.trimEnd().split('\n');
      expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual(vs);
      expect(Object.keys(JSON.parse(lines[0] ?? '{}') as object)).toEqual([...VIOLATION_COLUMNS]);
    } else {
      const rows = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
      expect(rows).toEqual([
        [...VIOLATION_COLUMNS],
        ['owner_id.pattern', 'correct', 'error', 'pattern_mismatch', '3', '5', 'P-0004', 'owner_id', '0010*****04', 'owner_id: bad', 'fix'],
        ['rowCount', 'sufficient', 'error', 'too_few_rows', '', '', '', '', '', 'a, "b"\nc', ''],
      ]);
    }
  });

  it.each([['a.csv', 'csv'], ['a.ndjson', 'ndjson'], ['a.JSONL', 'ndjson']] as const)('picks the format of %s from its extension', async (name, format: ViolationFormat) => {
    const path = join(mkdtempSync(join(dir, 'ext-')), name);
    await writeViolations(path, [base]);
    const text = readFileSync(path, 'utf8');
    expect(text.startsWith(format === 'csv' ? '\uFEFFrule,criterion' : '{"rule"')).toBe(true);
  });

  it('rejects a path whose format it cannot tell, and a path it cannot write', async () => {
    await expect(writeViolations(join(dir, 'v.json'), [base])).rejects.toThrow(TypeError);
    await expect(writeViolations(join(dir, 'missing', 'v.csv'), [base])).rejects.toThrow(/ENOENT/);
  });

  it('rejects with the error of a failing violation source', async () => {
    async function* broken(): AsyncGenerator<Violation> {
      yield base;
      throw new Error('source broke');
    }
    await expect(writeViolations(file('ndjson'), broken())).rejects.toThrow('source broke');
  });

  it('writes an empty CSV with its header and an empty NDJSON file', async () => {
    const csv = file('csv');
    const nd = file('ndjson');
    await writeViolations(csv, []);
    await writeViolations(nd, []);
    expect(readFileSync(csv, 'utf8')).toBe(`${VIOLATION_COLUMNS.join(',')}\n`);
    expect(readFileSync(nd, 'utf8')).toBe('');
  });

  it('leaves a stream open with end: false, having flushed everything into it', async () => {
    const m = memory();
    await writeViolations(m.stream, [base, base], { format: 'ndjson', end: false });
    expect(m.stream.writableEnded).toBe(false);
    expect(m.text().split('\n').filter(Boolean)).toHaveLength(2);
    m.stream.end();
  });

  it.each([['csv'], ['ndjson']] as const)('waits for a slow target (%s), so the source never runs far ahead', async (format) => {
    let produced = 0;
    let consumed = 0;
    let maxAhead = 0;
    const slow = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _enc, cb) {
        consumed += chunk.toString().split('\n').length - 1;
        setImmediate(cb);
      },
    });
    function* many(): Generator<Violation> {
      for (let i = 0; i < 20_000; i++) {
        produced += 1;
        maxAhead = Math.max(maxAhead, produced - consumed);
        yield { ...base, row: i };
      }
    }
    await writeViolations(slow, many(), { format });
    expect(consumed).toBe(20_000 + (format === 'csv' ? 1 : 0));
    expect(maxAhead).toBeLessThan(2_000);
  });

  it.each([['csv'], ['ndjson']] as const)('streams 200,000 violations (%s) to a file and reads back every one', async (format) => {
    const path = file(format);
    async function* many(): AsyncGenerator<Violation> {
      for (let i = 0; i < 200_000; i++) yield { ...base, row: i, line: i + 2, key: `P-${i}`, value: i % 2 === 0 ? '=1+1' : 'ok' };
    }
    await writeViolations(path, many());
    let lines = 0;
    for await (const _ of createInterface({ input: createReadStream(path) })) lines += 1;
    expect(lines).toBe(200_000 + (format === 'csv' ? 1 : 0));
  });

  it('gives the same bytes for the same violations', async () => {
    const vs = (await failingReport()).violations;
    const a = memory();
    const b = memory();
    await writeViolations(a.stream, vs, { format: 'csv' });
    await writeViolations(b.stream, vs, { format: 'csv' });
    expect(a.text()).toBe(b.text());
    expect(a.text().split('\n').length - 2).toBe(vs.length);
  });
});

describe('violationSink', () => {
  it('receives every violation as onViolation, beyond the samples kept in the report, with values still masked', async () => {
    const path = file('ndjson');
    const sink = violationSink(path);
    const { defineDataset, field } = await import('../../src/index.js');
    const ds = defineDataset({ name: 'owners', fields: { owner_id: field.text().pattern(/^\d{12}$/).pii() } });
    const rows = parcelRows().map((r) => ({ owner_id: `${String(r.owner_id)}9` }));
    const report = await validate(ds, rows, { onViolation: sink.write, maxSamplesPerRule: 1, now: new Date('2026-11-22') });
    await sink.close();
    const written = readFileSync(path, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as Violation);
    const total = report.rules.reduce((s, r) => s + r.violations, 0);
    expect(total).toBeGreaterThan(report.violations.length);
    expect(written).toHaveLength(total);
    for (const v of written) expect(v.value ?? '').not.toMatch(/\d{8}/);
  });

  it('reports a write error on close', async () => {
    const failing = new Writable({ write(_c, _e, cb) { cb(new Error('disk full')); } });
    const sink = violationSink(failing, { format: 'ndjson' });
    sink.write(base);
    await expect(sink.close()).rejects.toThrow('disk full');
  });
});

describe('UTF-8 byte order mark', () => {
  it('starts a CSV file with a BOM by default, so Excel reads Vietnamese text correctly', async () => {
    const m = memory();
    await writeViolations(m.stream, [{ ...base, message: 'Nguyễn' }], { format: 'csv' });
    expect(m.text().startsWith('\uFEFFrule,')).toBe(true);
  });

  it.each([
    ['writeViolations', async (t: Writable) => writeViolations(t, [base], { format: 'csv', bom: false })],
    ['violationSink', async (t: Writable) => { const s = violationSink(t, { format: 'csv', bom: false }); s.write(base); await s.close(); }],
  ])('%s omits it with bom: false', async (_name, write) => {
    const m = memory();
    await write(m.stream);
    expect(m.text().startsWith('rule,')).toBe(true);
  });

  it('never writes one into NDJSON', async () => {
    const m = memory();
    await writeViolations(m.stream, [base], { format: 'ndjson', bom: true });
    expect(m.text().startsWith('{')).toBe(true);
  });
});
