import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gatedReceiver } from '../../test/_gated.js';
import { compare } from './compare.js';
import { defineDataset, field, readCsv } from '../index.js';
import type { CompareOptions, ComparisonReport, Difference } from './types.js';
import { assertValidComparison } from '../../test/_comparison-schema.js';

type Row = Record<string, string>;
const r = (id: string, name: string, dob = '01/01/1990'): Row => ({ id, name, dob });
const SOURCE = [r('1', 'An'), r('2', 'Bình'), r('3', 'Chi')];

async function run(source: unknown[], copy: unknown[], options: Partial<CompareOptions> = {}): Promise<ComparisonReport> {
  const report = await compare(source, copy, { key: 'id', ...options });
  assertValidComparison(report);
  return report;
}

describe('compare', () => {
  it.each([
    ['an identical copy', SOURCE, { matched: 3, changed: 0, missing: 0, extra: 0, duplicateKeys: 0 }, 1],
    ['the same rows in another order', [...SOURCE].reverse(), { matched: 3, changed: 0, missing: 0, extra: 0, duplicateKeys: 0 }, 1],
    ['one changed cell', [r('1', 'An'), r('2', 'Binh'), r('3', 'Chi')], { matched: 2, changed: 1, missing: 0, extra: 0, duplicateKeys: 0 }, 2 / 3],
    ['a missing and an extra record', [r('3', 'Chi'), r('1', 'An'), r('4', 'Dũng')], { matched: 2, changed: 0, missing: 1, extra: 1, duplicateKeys: 0 }, 2 / 3],
    ['a key twice in the copy', [...SOURCE, r('2', 'Bình')], { matched: 2, changed: 0, missing: 0, extra: 0, duplicateKeys: 1 }, 2 / 3],
    ['an empty copy', [], { matched: 0, changed: 0, missing: 3, extra: 0, duplicateKeys: 0 }, 0],
  ])('%s', async (_name, copy, counts, score) => {
    const report = await run(SOURCE, copy);
    expect(report.counts).toEqual(counts);
    expect(report.score).toBeCloseTo(score, 12);
    expect(report.status).toBe(score === 1 ? 'equal' : 'different');
    expect(report.rows).toEqual({ source: 3, copy: copy.length });
    expect(report.rows.source).toBe(counts.matched + counts.changed + counts.missing + report.duplicates.source);
    expect(report.rows.copy).toBe(counts.matched + counts.changed + counts.extra + report.duplicates.copy);
  });

  it('reports a key twice in the source as a duplicate, never paired, with both sides\' counts', async () => {
    const report = await run([...SOURCE, r('1', 'An Khác')], SOURCE);
    expect(report.counts).toEqual({ matched: 2, changed: 0, missing: 0, extra: 0, duplicateKeys: 1 });
    expect(report.duplicates).toEqual({ source: 2, copy: 1 });
    expect(report.samples).toEqual([{ key: '1', status: 'duplicate', sourceCount: 2, copyCount: 1 }]);
    expect(report.score).toBeCloseTo(2 / 4, 12);
  });

  it('names each changed column with both values, and counts changes per column', async () => {
    const report = await run(SOURCE, [r('1', 'An', '02/01/1990'), r('2', 'Binh', '03/01/1990'), r('3', 'Chi')]);
    expect(report.columns).toEqual({ name: { changed: 1 }, dob: { changed: 2 } });
    // A column named dob holds birth dates: masked, by its name.
    expect(report.samples).toEqual([
      { key: '1', status: 'changed', column: 'dob', source: '**/**/****', copy: '**/**/****' },
      { key: '2', status: 'changed', column: 'name', source: 'Bình', copy: 'Binh' },
      { key: '2', status: 'changed', column: 'dob', source: '**/**/****', copy: '**/**/****' },
    ]);
  });

  it('streams every difference to onChange, beyond the sample limit', async () => {
    const seen: Difference[] = [];
    const report = await run(SOURCE, [], { maxSamples: 1, onChange: (d) => seen.push(d) });
    expect(seen.map((d) => `${d.status}:${d.key}`)).toEqual(['missing:1', 'missing:2', 'missing:3']);
    expect(report.samples).toHaveLength(1);
  });

  it('matches composite keys on all their columns', async () => {
    const a = [{ a: '1', b: 'x', v: '1' }, { a: '1', b: 'y', v: '2' }];
    const b = [{ a: '1', b: 'y', v: '2' }, { a: '1', b: 'x', v: '9' }];
    const report = await compare(a, b, { key: ['a', 'b'] });
    expect(report.counts).toMatchObject({ matched: 1, changed: 1 });
    expect(report.samples[0]).toMatchObject({ key: '1|x', column: 'v', source: '1', copy: '9' });
  });

  it('shows two composite keys whose parts hold the separator as two keys, not one', async () => {
    // ["a|b", "c"] and ["a", "b|c"] never paired, yet both were shown "a|b|c": a missing and an extra record with one key.
    const report = await compare([{ a: 'a|b', b: 'c', v: '1' }], [{ a: 'a', b: 'b|c', v: '1' }, { a: 'x\\', b: 'y', v: '1' }], { key: ['a', 'b'] });
    expect(report.counts).toMatchObject({ matched: 0, missing: 1, extra: 2 });
    expect(report.samples.map((d) => `${d.status}:${d.key}`).sort()).toEqual(['extra:a|b\\|c', 'extra:x\\\\|y', 'missing:a\\|b|c']);
    // A one-column key has nothing to tell apart: shown as written.
    expect((await compare([{ id: 'a|b' }], [], { key: 'id' })).samples[0]?.key).toBe('a|b');
  });

  it.each([
    ['case', { ignoreCase: true }, 'AN', 'an'],
    ['white space', { ignoreWhitespace: true }, ' Nguyễn  Văn An ', 'Nguyễn Văn An'],
    ['Unicode form', { normalize: 'nfc' as const }, 'Nguye\u0302\u0303n', 'Nguyễn'],
  ])('ignores %s when asked, and not otherwise', async (_name, options, x, y) => {
    expect((await run([r('1', x)], [r('1', y)])).counts.changed).toBe(1);
    expect((await run([r('1', x)], [r('1', y)], options)).counts.matched).toBe(1);
  });

  it('compares typed values with a dataset: "07" equals "7" in an integer field, dates by value, missing tokens alike', async () => {
    const dataset = defineDataset({ name: 'p', fields: { id: field.integer(), n: field.integer(), d: field.date('dd/MM/yyyy'), t: field.text() } });
    const source = [{ id: '07', n: '07', d: '01/02/2020', t: 'NULL' }, { id: '8', n: '5', d: '01/02/2020', t: 'x' }];
    const copy = [{ id: '7', n: '7', d: '01/02/2020', t: '' }, { id: '8', n: '6', d: '02/02/2020', t: 'x' }];
    expect((await run(source, copy)).counts).toEqual({ matched: 0, changed: 1, missing: 1, extra: 1, duplicateKeys: 0 });
    const typed = await run(source, copy, { dataset });
    expect(typed.counts).toMatchObject({ matched: 1, changed: 1 });
    expect(typed.columns).toEqual({ n: { changed: 1 }, d: { changed: 1 }, t: { changed: 0 } });
    expect(typed.options.dataset).toBe('p');
  });

  it('reads both CSV headers under the dataset\'s rename:, as validate does (the key was "not in the header" before)', async () => {
    const dataset = defineDataset({ name: 'p', fields: { id: field.integer(), name: field.text() }, rename: { 'Mã số': 'id', 'Họ tên': 'name' } });
    const csv = (text: string) => readCsv(new TextEncoder().encode(text), { name: 'x.csv' });
    const report = await compare(csv('Mã số,Họ tên\n1,An\n2,Bình\n'), csv('Mã số,name\n02,Bình\n1,Ann\n'), { key: 'id', dataset });
    expect(report.counts).toEqual({ matched: 1, changed: 1, missing: 0, extra: 0, duplicateKeys: 0 });
    expect(report.columns).toEqual({ name: { changed: 1 } });
    // The side's own rename wins over the dataset's, for the same header.
    const own = readCsv(new TextEncoder().encode('Mã số,Họ tên\n1,An\n'), { name: 'y.csv', header: { 'Mã số': 'name', 'Họ tên': 'id' } });
    expect((await compare(own, csv('Mã số,Họ tên\nAn,1\n'), { key: 'id', dataset })).counts).toMatchObject({ matched: 1, missing: 0, extra: 0 });
  });

  it('compares a date-time without an offset as the wall-clock time of the dataset\'s time zone', async () => {
    const fields = { id: field.integer(), at: field.datetime() };
    const source = [{ id: '1', at: '2026-11-21 15:00' }]; // written in Vietnam, without an offset
    const copy = [{ id: '1', at: '2026-11-21T08:00:00Z' }]; // the same instant, as a copy in UTC holds it
    const vn = defineDataset({ name: 'vn', timeZone: 'Asia/Ho_Chi_Minh', fields });
    expect((await run(source, copy, { dataset: vn })).counts).toMatchObject({ matched: 1, changed: 0 });
    expect((await run(source, copy, { dataset: defineDataset({ name: 'utc', fields }) })).counts).toMatchObject({ matched: 0, changed: 1 });
  });

  it('masks personal columns (named by pii or by the dataset) unless showValues', async () => {
    const copy = [r('1', 'An'), r('2', 'Nguyễn Văn Bình'), r('3', 'Chi')];
    const masked = await run(SOURCE, copy, { pii: ['name', 'id'] });
    expect(masked.samples).toEqual([{ key: '*', status: 'changed', column: 'name', source: 'B***', copy: 'N***** V** B***' }]);
    const dataset = defineDataset({ name: 'p', fields: { id: field.text(), name: field.text().pii(), dob: field.text() } });
    expect((await run(SOURCE, copy, { dataset })).samples[0]).toMatchObject({ key: '2', source: 'B***' });
    expect((await run(SOURCE, copy, { pii: ['name'], showValues: true })).samples[0]).toMatchObject({ source: 'Bình', copy: 'Nguyễn Văn Bình' });
  });

  it('masks columns whose name says personal data, unless the dataset declares them otherwise', async () => {
    const people = (id: string, name: string, phone: string) => ({ owner_id: id, full_name: name, phone });
    const source = [people('079301123456', 'Nguyễn Văn An', '0912345678')];
    const copy = [people('079301123456', 'Nguyễn Văn Ân', '0912345679')];
    const report = await compare(source, copy, { key: 'owner_id' });
    const text = JSON.stringify(report);
    for (const secret of ['079301123456', 'Nguyễn', '0912345678', '0912345679']) expect(text).not.toContain(secret);
    expect(report.samples).toEqual([
      { key: '0793******56', status: 'changed', column: 'full_name', source: 'N***** V** A*', copy: 'N***** V** Â*' },
      { key: '0793******56', status: 'changed', column: 'phone', source: '0912****78', copy: '0912****79' },
    ]);
    const open = defineDataset({ name: 'o', fields: { owner_id: field.text(), full_name: field.text(), phone: field.text() } });
    expect((await compare(source, copy, { key: 'owner_id', dataset: open })).samples[0]).toMatchObject({ key: '079301123456', source: 'Nguyễn Văn An' });
    expect((await compare(source, copy, { key: 'owner_id', showValues: true })).samples[0]).toMatchObject({ source: 'Nguyễn Văn An' });
  });

  // `--columns name` still failed a copy for a column outside it that one side has ("Columns only in the copy: w").
  it('lists columns one side has but calls the copy equal when columns names the ones to compare', async () => {
    const report = await run([{ id: '1', name: 'An', s: '1' }], [{ id: '1', name: 'An', w: 'x' }], { columns: ['name'] });
    expect([report.status, report.columnsOnlyIn]).toEqual(['equal', { source: ['s'], copy: ['w'] }]);
  });

  it('reports columns only one side has, and compares the common ones', async () => {
    const report = await run([{ id: '1', a: 'x', s: '1' }], [{ id: '1', a: 'x', c: '2' }]);
    expect(report.compared).toEqual(['a']);
    expect(report.columnsOnlyIn).toEqual({ source: ['s'], copy: ['c'] });
    expect(report.counts.matched).toBe(1);
    expect(report.status).toBe('different');
  });

  it.each([
    ['no key', { key: [] }, /needs a key/],
    ['a key column neither side has', { key: 'nope' }, /key column "nope" is not in the source/],
    ['a compared column the copy lacks', { columns: ['zzz'] }, /compared column "zzz" is not in the source/],
    ['the key among the compared columns', { columns: ['id'] }, /is the key/],
  ])('rejects %s', async (_name, options, message) => {
    await expect(compare(SOURCE, SOURCE, { key: 'id', ...options } as CompareOptions)).rejects.toThrow(message);
  });

  it('stops reading both sides (closes them) when it rejects', async () => {
    const closed: string[] = [];
    async function* side(name: string): AsyncGenerator<Row> {
      try {
        for (let i = 0; i < 5000; i++) yield r(String(i), 'x');
      } finally {
        closed.push(name);
      }
    }
    await expect(compare(side('source'), side('copy'), { key: 'nope' })).rejects.toThrow(/not in the source/);
    expect(closed.sort()).toEqual(['copy', 'source']);
  });

  it('gives status error and no score when a side fails mid-stream', async () => {
    async function* broken(): AsyncGenerator<Row> {
      yield r('1', 'An');
      throw new Error('disk gone');
    }
    const report = await run(SOURCE, broken() as unknown as unknown[]);
    expect(report.status).toBe('error');
    expect(report.partial).toBe(true);
    expect(report.score).toBeNull();
    expect(report.error).toBe('copy: disk gone');
  });

  // A row that is not a record (null, a string, an array read by position) was compared as a row of empty cells:
  // a copy holding `null` where its source had a record read as one "missing" record, nothing said of why.
  it.each([
    ['null', null, 'null'],
    ['a string', '2,Bình', 'a string'],
    ['an array', ['2', 'Bình'], 'an array'],
  ])('refuses a side given in code holding a row that is not a record (%s): status error, no score', async (_what, bad, type) => {
    const report = await run(SOURCE, [SOURCE[0] as Row, bad as unknown as Row, ...SOURCE.slice(2)]);
    expect([report.status, report.partial, report.score]).toEqual(['error', true, null]);
    expect(report.error).toBe(`copy: the copy holds 1 row(s) that are not records (the first at index 1: ${type}), ` +
      'so they would be compared as rows of empty cells; give each row as an object and run again');
    expect(report.source?.kind).toBe('array');
  });

  it('refuses an option it does not know, naming the nearest, before reading either side', async () => {
    // Ignored, `PII: ['name']` showed the personal column in clear and `colums` compared every column.
    const read: string[] = [];
    const side = function* (name: string) { read.push(name); yield r('1', 'An'); };
    await expect(compare(side('source'), side('copy'), { key: 'id', PII: ['name'] } as unknown as CompareOptions))
      .rejects.toThrow(/ddss: "PII" is not an option of compare \(did you mean "pii"\?\)/);
    await expect(compare(SOURCE, SOURCE, { key: 'id', colums: ['name'] } as unknown as CompareOptions))
      .rejects.toThrow(/"colums" is not an option of compare \(did you mean "columns"\?\)/);
    expect(read).toEqual([]);
  });

  // Two sides without a record compared as "equal" (exit 0), a key no header could show among them: nothing was compared.
  it.each([
    ['two empty arrays', [], []],
    ['two header-only files', readCsv(Buffer.from('id,name\n')), readCsv(Buffer.from('id,name\n'))],
  ])('is not evaluated when neither side holds a record (%s): status error, not partial, no score', async (_what, source, copy) => {
    const report = await compare(source, copy, { key: 'id' });
    expect([report.status, report.partial, report.score]).toEqual(['error', false, null]);
    expect(report.error).toBe('nothing to compare: the source and the copy hold no records (0 rows on each side)');
  });

  // A source record too large to read was in no count: "Live 100% (2 of 2 source records …)" of a source of 3.
  it.each([
    ['a source record too large to read', 'id,note\n1,a\n2,' + 'x'.repeat(200) + '\n3,c\n', 'id,note\n1,a\n2,b\n3,c\n',
      'source: 1 record could not be read (the first at line 3: record_too_large, the record is larger than 100 bytes and was not read), ' +
      'so it is in no count and the comparison has no score'],
    ['a copy record with an unclosed quote', 'id,note\n1,a\n2,b\n', 'id,note\n1,a\n2,"b\n',
      'copy: 1 record could not be read (the first at line 3: unclosed_quote, a quoted value is not closed before the end of the input), so it is in no count ' +
      'and the comparison has no score'],
  ])('is partial, with no score, when %s', async (_what, source, copy, error) => {
    const read = (text: string) => readCsv(Buffer.from(text), { maxRecordBytes: 100 });
    const report = await compare(read(source), read(copy), { key: 'id' });
    expect([report.status, report.partial, report.score, report.error]).toEqual(['error', true, null, error]);
  });

  it('has no score without source rows', async () => {
    const report = await run([], [r('1', 'An')]);
    expect(report.score).toBeNull();
    expect(report.counts.extra).toBe(1);
  });

  it('gives the same counts when the key table spills to partition files', async () => {
    const n = 3000;
    // One record longer than a partition file's write buffer (64 KiB), in UTF-8 of 3 bytes per character.
    const source = Array.from({ length: n }, (_, i) => r(String(i), i === 42 ? 'ệ'.repeat(40_000) : `name ${i}`));
    const copy = source.filter((_, i) => i % 7 !== 0).map((x, i) => (i % 5 === 0 ? { ...x, name: 'changed' } : x))
      .concat([r('x1', 'new'), r('5', 'dup')]).reverse();
    const memory = await run(source, copy);
    const spilled = await run(source, copy, { memoryBudget: 64 * 1024 });
    expect(spilled.partitions).toBeGreaterThan(0);
    expect(memory.partitions).toBe(0);
    expect(spilled.counts).toEqual(memory.counts);
    expect(spilled.columns).toEqual(memory.columns);
    expect(spilled.duplicates).toEqual(memory.duplicates);
  });
});

describe('compare at scale', () => {
  it('moves to partition files when the copy\'s differences outgrow the budget, with the same outcome', async () => {
    const source = Array.from({ length: 200 }, (_, i) => r(String(i), `n${i}`));
    // Every copy record is new or changed: the copy side fills the table after the source pass fitted.
    const copy = Array.from({ length: 4000 }, (_, i) => (i < 200 ? r(String(i), `changed ${i}`) : r(`x${i}`, 'new')))
      .concat([r('x300', 'again')]);
    const memory = await run(source, copy);
    const late = await run(source, copy, { memoryBudget: 200 * 1024 });
    expect(late.partitions).toBeGreaterThan(0);
    expect(late.counts).toEqual(memory.counts);
    expect(memory.counts).toEqual({ matched: 0, changed: 200, missing: 0, extra: 3799, duplicateKeys: 1 });
  });

  it('reads CSV sources (readCsv) as well as arrays', async () => {
    const { readCsv } = await import('../index.js');
    const { writeFileSync } = await import('node:fs');
    await inSpillDir(async (dir) => {
      writeFileSync(join(dir, 'a.csv'), 'id,name,dob\n1,An,01/01/1990\n2,"Bình, B",01/01/1990\n');
      writeFileSync(join(dir, 'b.csv'), 'name,id,dob\n"Bình, B",2,01/01/1990\nAn,1,02/01/1990\n');
      const report = await run(readCsv(join(dir, 'a.csv')) as unknown as unknown[], readCsv(join(dir, 'b.csv')) as unknown as unknown[]);
      expect(report.counts).toEqual({ matched: 1, changed: 1, missing: 0, extra: 0, duplicateKeys: 0 });
      expect(report.source?.name).toMatch(/a\.csv$/);
    });
  });
});

describe('partition files', () => {
  it('leave nothing in the temporary directory, during or after the comparison', async () => {
    await inSpillDir(async (dir) => {
      const source = Array.from({ length: 3000 }, (_, i) => r(String(i), `n${i}`));
      let during: string[] | undefined;
      // onChange runs while the partitions are compared, i.e. while the files are open.
      const report = await run(source, source.slice(1), { memoryBudget: 64 * 1024, tempDir: dir, onChange: () => { during = readdirSync(dir); } });
      expect(report.partitions).toBe(64);
      expect(report.counts).toMatchObject({ matched: 2999, missing: 1 });
      expect(during).toEqual([]);
      expect(readdirSync(dir)).toEqual([]);
    });
  });
});

describe('an onChange that returns Promises', () => {
  const source = Array.from({ length: 3000 }, (_, i) => r(String(i), `n${i}`));
  const copy = source.slice(0, 2000);

  it.each([['in memory', {}], ['through partition files', { memoryBudget: 64 * 1024 }]])(
    'is waited for before the next key (%s), and compare resolves only once they settled', async (_name, budget) => {
      const { seen, open, receive } = gatedReceiver<Difference>();
      let done = false;
      const running = run(source, copy, { ...budget, onChange: receive }).then((rep) => { done = true; return rep; });
      await new Promise((resolve) => setTimeout(resolve, 50));
      // Before: all 1,000 differences at once, and compare resolved without waiting.
      expect(seen).toHaveLength(1);
      expect(done).toBe(false);
      open();
      const report = await running;
      expect(seen).toHaveLength(1000);
      expect(report.counts.missing).toBe(1000);
    });

  it('ends the comparison with the receiver\'s error when one rejects, leaving no partition file', async () => {
    await inSpillDir(async (dir) => {
      let calls = 0;
      const failing = () => (++calls === 3 ? Promise.reject(new Error('disk full')) : Promise.resolve());
      await expect(run(source, copy, { memoryBudget: 64 * 1024, tempDir: dir, onChange: failing })).rejects.toThrow('disk full');
      expect(calls).toBe(3);
      expect(readdirSync(dir)).toEqual([]);
    });
  });
});

/** Runs `fn` with a fresh temporary directory (for partition files, or inputs), removed afterwards whatever happens. */
async function inSpillDir(fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ddss-spill-'));
  try {
    await fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Records whose key is blank were paired as one record: `{ k: null }` and `{ k: undefined }` were "changed".
describe('compare: records without a key', () => {
  it.each<[string, unknown[], unknown[], { source: number; copy: number }]>([
    ['null against undefined', [{ k: null, a: 'x' }], [{ k: undefined, a: 'z' }], { source: 1, copy: 1 }],
    ['empty against white space', [{ k: '', a: 'x' }], [{ k: ' \t', a: 'x' }], { source: 1, copy: 1 }],
    ['a key column the copy lacks in one record', [{ k: '1', a: 'x' }], [{ k: '1', a: 'x' }, { a: 'y' }], { source: 0, copy: 1 }],
  ])('%s: counted apart, never matched or changed, and the copy not equal', async (_what, source, copy, keyless) => {
    const report = await compare(source, copy, { key: 'k' });
    assertValidComparison(report);
    expect([report.keyless?.source, report.keyless?.copy]).toEqual([keyless.source, keyless.copy]);
    expect(report.counts.changed).toBe(0);
    expect(report.status).toBe('different');
  });

  it('samples them by side and record number, at most maxSamples, and a composite key with one blank part is keyless', async () => {
    const source = [{ a: '1', b: 'x', v: 1 }, { a: '1', b: '', v: 2 }, { a: null, b: 'y', v: 3 }];
    const copy = [{ a: '1', b: 'x', v: 1 }, { a: '1', b: ' ', v: 2 }];
    const report = await compare(source, copy, { key: ['a', 'b'], maxSamples: 2 });
    assertValidComparison(report);
    expect(report.counts).toEqual({ matched: 1, changed: 0, missing: 0, extra: 0, duplicateKeys: 0 });
    expect(report.keyless).toEqual({ source: 2, copy: 1, samples: [{ side: 'source', record: 2 }, { side: 'source', record: 3 }] });
    expect(report.score).toBe(1 / 3);
  });

  // onChange promised every difference, yet a record with a blank key (which makes the copy different) never reached it.
  it('gives onChange each blank key as read, last, with its records per side (never in the samples)', async () => {
    const source = [{ a: '1', b: 'x', v: 1 }, { a: '1', b: '', v: 2 }, { a: '1', b: null, v: 4 }, { a: null, b: 'y', v: 3 }];
    const copy = [{ a: '1', b: 'x', v: 9 }, { a: '1', b: '', v: 2 }];
    const seen: Difference[] = [];
    const report = await compare(source, copy, { key: ['a', 'b'], onChange: (d) => { seen.push(d); } });
    expect(seen).toEqual([
      { key: '1|x', status: 'changed', column: 'v', source: '1', copy: '9' },
      { key: '1|', status: 'keyless', sourceCount: 2, copyCount: 1 },
      { key: '|y', status: 'keyless', sourceCount: 1, copyCount: 0 },
    ]);
    expect(report.samples.map((d) => d.status)).toEqual(['changed']);
  });

  it('has no keyless field when every record has its key', async () => {
    expect('keyless' in await run(SOURCE, SOURCE)).toBe(false);
  });

  it('a dataset\'s missing values are blank keys too', async () => {
    const dataset = defineDataset({ name: 'd', key: 'id', missingValues: ['NULL'], fields: { id: field.text(), name: field.text() } });
    const report = await compare([{ id: 'NULL', name: 'a' }], [{ id: 'NULL', name: 'b' }], { key: 'id', dataset });
    assertValidComparison(report);
    expect([report.keyless?.source, report.keyless?.copy, report.counts.changed]).toEqual([1, 1, 0]);
  });
});
