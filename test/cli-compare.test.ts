import { existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli, scratch } from './fixtures/cli/harness.js';
import { assertValidComparison } from './_comparison-schema.js';
import type { ComparisonReport } from '../src/compare/types.js';

let tmp: ReturnType<typeof scratch>;
beforeEach(() => {
  tmp = scratch();
  writeFileSync(tmp.path('source.csv'), 'id,name,dob\n1,An,01/01/1990\n2,Bình,02/02/1991\n3,Chi,03/03/1992\n');
  writeFileSync(tmp.path('same.csv'), 'id,dob,name\n3,03/03/1992,Chi\n1,01/01/1990,An\n2,02/02/1991,Bình\n');
  writeFileSync(tmp.path('copy.csv'), 'id,name,dob\n1,An,01/01/1990\n2,"=Binh",02/02/1991\n4,Dũng,04/04/1994\n');
});
afterEach(() => tmp.remove());

const p = (name: string): string => tmp.path(name);

describe('ddss compare: exit codes', () => {
  it.each([
    ['the copy equals the source (columns and rows reordered)', () => [p('source.csv'), p('same.csv'), '--key', 'id'], 0],
    ['the copy differs', () => [p('source.csv'), p('copy.csv'), '--key', 'id'], 1],
    ['no --key', () => [p('source.csv'), p('copy.csv')], 2],
    ['one file only', () => [p('source.csv'), '--key', 'id'], 2],
    ['a key neither header has', () => [p('source.csv'), p('copy.csv'), '--key', 'nope'], 2],
    ['an unknown format', () => [p('source.csv'), p('copy.csv'), '--key', 'id', '--format', 'junit'], 2],
    ['a changes file of another kind', () => [p('source.csv'), p('copy.csv'), '--key', 'id', '--changes', p('c.txt')], 2],
    ['a missing source file', () => [p('nope.csv'), p('copy.csv'), '--key', 'id'], 3],
  ])('%s', async (_name, args, code) => {
    const r = await cli(['compare', ...args()]);
    expect(r.code).toBe(code);
    if (code === 2) expect(r.stderr).toMatch(/^ddss: [^\n]+\n$/);
  });
});

describe('ddss compare of two sides without a record', () => {
  // Both said "Equal", exit 0, even with a key and columns no file has: nothing was compared. One empty (0-byte) side
  // was already "Not evaluated", exit 3.
  it.each([
    ['two empty JSON arrays, with a key and columns no header could show', 'e.json', '[]\n', ['--key', 'no_such_column', '--columns', 'nope2']],
    ['two header-only CSV files', 'h.csv', 'id,name\n', ['--key', 'id']],
  ])('%s: not evaluated (exit 3), said, and no --changes file', async (_what, name, text, flags) => {
    writeFileSync(p(`s-${name}`), text);
    writeFileSync(p(`c-${name}`), text);
    const r = await cli(['compare', p(`s-${name}`), p(`c-${name}`), ...flags, '--changes', p('ch.csv')]);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/^Not evaluated: there is nothing to compare — Live —\n/);
    expect(r.stderr).toBe('ddss: nothing to compare: the source and the copy hold no records (0 rows on each side)\n');
    expect(existsSync(p('ch.csv'))).toBe(false);
    const json = await cli(['compare', p(`s-${name}`), p(`c-${name}`), ...flags, '--format', 'json']);
    const report = JSON.parse(json.stdout) as ComparisonReport;
    assertValidComparison(report);
    expect([report.status, report.partial, report.score]).toEqual(['error', false, null]);
  });

  it('a key column a header lacks is still a usage error (exit 2)', async () => {
    writeFileSync(p('h.csv'), 'id,name\n');
    writeFileSync(p('e.json'), '[]\n');
    for (const copy of ['h.csv', 'e.json']) expect((await cli(['compare', p('h.csv'), p(copy), '--key', 'nope'])).code).toBe(2);
  });
});

describe('ddss compare of a side not read whole', () => {
  // A source record too large to read (a 2 MB cell) was left out of the score: "Live 100% (2 of 2 source records
  // present and equal in the copy)", JSON score 1 and partial false, while source.records was 3.
  it('a record too large to read: not evaluated (exit 3), no score, partial, the text saying why, no --changes file', async () => {
    writeFileSync(p('big.csv'), `id,note\n1,a\n2,${'x'.repeat(2_000_000)}\n3,c\n`);
    writeFileSync(p('small.csv'), 'id,note\n1,a\n2,b\n3,c\n');
    const why = 'source: 1 record could not be read (the first at line 3: record_too_large, the record is larger than 1048576 bytes ' +
      'and was not read), so it is in no count and the comparison has no score';
    const r = await cli(['compare', p('big.csv'), p('small.csv'), '--key', 'id', '--changes', p('ch.csv')]);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/^Not evaluated: a side could not be read whole — Live —\n/);
    expect(r.stdout).toContain(`  ${why}\n`);
    expect(r.stderr).toBe(`ddss: could not read the whole input: ${why}\n`);
    expect(existsSync(p('ch.csv'))).toBe(false);
    const report = JSON.parse((await cli(['compare', p('big.csv'), p('small.csv'), '--key', 'id', '--format', 'json'])).stdout) as ComparisonReport;
    assertValidComparison(report);
    expect([report.status, report.score, report.partial, report.source?.records, report.error]).toEqual(['error', null, true, 3, why]);
  });
});

describe('ddss compare --columns', () => {
  // A column outside --columns that the copy alone has made it "Different", exit 1 ("Columns only in the copy: w").
  it('a column outside them on one side only is listed as no difference: equal (exit 0)', async () => {
    writeFileSync(p('lf.csv'), 'id,name\n1,An\n2,B\n');
    writeFileSync(p('wC.csv'), 'id,name,w\n1,An,x\n2,B,y\n');
    const r = await cli(['compare', p('lf.csv'), p('wC.csv'), '--key', 'id', '--columns', 'name']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Equal: the copy matches its source/);
    expect(r.stdout).toContain('  Columns only in the copy (not among the compared columns, so no difference): w\n');
    const md = await cli(['compare', p('wC.csv'), p('lf.csv'), '--key', 'id', '--columns', 'name', '--format', 'md']);
    expect([md.code, md.stdout.includes('Columns only in the source (not among the compared columns, so no difference): `w`')]).toEqual([0, true]);
    // Without --columns every common column is compared, and a one-sided column is a difference.
    expect((await cli(['compare', p('lf.csv'), p('wC.csv'), '--key', 'id'])).code).toBe(1);
  });
});

describe('ddss compare --pii', () => {
  // Accepted, `--pii nmae` masked nothing and said nothing: the column meant was shown in the clear.
  it('refuses a column neither file has (exit 2), as --columns does, naming the columns there are and the near one', async () => {
    const r = await cli(['compare', p('source.csv'), p('copy.csv'), '--key', 'id', '--pii', 'dob,nmae']);
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toBe('ddss: pii column "nmae" is not in the source (its columns: id, name, dob); nor in the copy; ' +
      'did you mean "name": --pii dob,name\n');
  });
});

describe('ddss compare: outputs', () => {
  it('prints a JSON report matching the schema, with exact counts', async () => {
    const r = await cli(['compare', p('source.csv'), p('copy.csv'), '--key', 'id', '--format', 'json']);
    const report = JSON.parse(r.stdout) as ComparisonReport;
    assertValidComparison(report);
    expect(report.counts).toEqual({ matched: 1, changed: 1, missing: 1, extra: 1, duplicateKeys: 0 });
    expect(report.source?.name).toBe('source.csv');
  });

  it('streams every difference to --changes as CSV with formulas neutralised', async () => {
    const r = await cli(['compare', p('source.csv'), p('copy.csv'), '--key', 'id', '--changes', p('changes.csv')]);
    expect(r.code).toBe(1);
    expect(readFileSync(p('changes.csv'), 'utf8').split('\r\n')).toEqual([
      'key,status,column,source,copy,source_count,copy_count',
      "2,changed,name,Bình,'=Binh,,",
      '3,missing,,,,,',
      '4,extra,,,,,',
      '',
    ]);
  });

  it('writes NDJSON changes, masking --pii columns unless --show-values', async () => {
    await cli(['compare', p('source.csv'), p('copy.csv'), '--key', 'id', '--changes', p('c.ndjson'), '--pii', 'name']);
    expect(readFileSync(p('c.ndjson'), 'utf8').split('\n')[0]).toBe('{"key":"2","status":"changed","column":"name","source":"B***","copy":"=****"}');
    await cli(['compare', p('source.csv'), p('copy.csv'), '--key', 'id', '--changes', p('d.ndjson'), '--pii', 'name', '--show-values']);
    expect(readFileSync(p('d.ndjson'), 'utf8').split('\n')[0]).toContain('"source":"Bình"');
  });

  it.each(['html', 'md'] as const)('writes the %s report to --out and prints the summary', async (format) => {
    const r = await cli(['compare', p('source.csv'), p('copy.csv'), '--key', 'id', '--format', format, '--out', p(`r.${format}`)]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^Different/);
    const text = readFileSync(p(`r.${format}`), 'utf8');
    expect(text).toContain(format === 'html' ? 'data-gauge="live"' : '| matched | changed | missing | extra | duplicate keys |');
  });

  it('refuses to overwrite an existing output without --force, and never writes over an input (even through a link)', async () => {
    writeFileSync(p('r.json'), 'old');
    const refused = await cli(['compare', p('source.csv'), p('copy.csv'), '--key', 'id', '--format', 'json', '--out', p('r.json')]);
    expect(refused.code).toBe(2);
    expect(readFileSync(p('r.json'), 'utf8')).toBe('old');
    symlinkSync(p('copy.csv'), p('link.csv'));
    const alias = await cli(['compare', p('source.csv'), p('copy.csv'), '--key', 'id', '--changes', p('link.csv'), '--force']);
    expect(alias.code).toBe(2);
    expect(alias.stderr).toMatch(/is the input file/);
    const forced = await cli(['compare', p('source.csv'), p('copy.csv'), '--key', 'id', '--format', 'json', '--out', p('r.json'), '--force']);
    expect(forced.code).toBe(1);
    expect(JSON.parse(readFileSync(p('r.json'), 'utf8'))).toMatchObject({ kind: 'comparison' });
  });

  it('never writes over a base the --dataset definition extends, even with --force', async () => {
    // `-d child.yaml --out base.json --force`, child.yaml saying `extends: base.json`, replaced the base with the report.
    const base = '{"name": "people", "key": "id", "fields": {"id": {"type": "text"}, "dob": {"type": "date", "format": "dd/MM/yyyy"}}}\n';
    writeFileSync(p('base.json'), base);
    writeFileSync(p('child.yaml'), 'extends: base.json\n');
    const r = await cli(['compare', p('source.csv'), p('copy.csv'), '--key', 'id', '--dataset', p('child.yaml'), '--format', 'json',
      '--out', p('base.json'), '--force']);
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toBe(`ddss: --out "${p('base.json')}" is a base of the definition (extends), which this run reads; refusing to write over it\n`);
    expect(readFileSync(p('base.json'), 'utf8')).toBe(base);
  });

  it('leaves no changes file (and no temporary file) when a side cannot be read', async () => {
    const r = await cli(['compare', p('nope.csv'), p('copy.csv'), '--key', 'id', '--changes', p('changes.csv')]);
    expect([r.code, r.stdout, r.stderr]).toEqual([3, '', `ddss: cannot read "${p('nope.csv')}": file not found\n`]);
    expect(existsSync(p('changes.csv'))).toBe(false);
    expect(readdirSync(dirname(p('changes.csv'))).filter((f) => f.endsWith('.part'))).toEqual([]);
  });

  it('compares typed values with --dataset', async () => {
    writeFileSync(p('d.yaml'), 'name: d\nfields:\n  id: { type: integer }\n  n: { type: integer }\n');
    writeFileSync(p('a.csv'), 'id,n\n07,07\n');
    writeFileSync(p('b.csv'), 'id,n\n7,7\n');
    expect((await cli(['compare', p('a.csv'), p('b.csv'), '--key', 'id'])).code).toBe(1);
    expect((await cli(['compare', p('a.csv'), p('b.csv'), '--key', 'id', '--dataset', p('d.yaml')])).code).toBe(0);
  });

  it('compares a CSV source with an NDJSON copy (numbers as their text)', async () => {
    writeFileSync(p('copy.ndjson'), '{"id":3,"name":"Chi","dob":"03/03/1992"}\n{"id":1,"name":"An","dob":"01/01/1990"}\n{"id":2,"name":"Bình","dob":"02/02/1991"}\n');
    const r = await cli(['compare', p('source.csv'), p('copy.ndjson'), '--key', 'id']);
    expect(r.stdout).toMatch(/matched 3 · changed 0/);
    expect(r.code).toBe(0);
  });

  it('reports the structural problems of each file (a record with a missing cell, a blank row)', async () => {
    writeFileSync(p('ragged.csv'), 'id,name,dob\n1,An,01/01/1990\n\n2,Bình\n3,Chi,03/03/1992\n');
    const r = await cli(['compare', p('source.csv'), p('ragged.csv'), '--key', 'id', '--format', 'json']);
    const report = JSON.parse(r.stdout) as ComparisonReport;
    expect(report.sourceIssues).toEqual({ source: {}, copy: { blank_row: 1, missing_cell: 1 } });
    expect(report.counts).toMatchObject({ matched: 2, changed: 1 });
    const text = await cli(['compare', p('source.csv'), p('ragged.csv'), '--key', 'id']);
    expect(text.stdout).toContain('  Copy file problems (what was not read is not compared, and the copy is not called equal): missing_cell 1\n' +
      '  Copy file notes (nothing was lost: no difference): blank_row 1\n');
  });

  it('shows its help', async () => {
    const r = await cli(['compare', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: ddss compare/);
  });
});

describe('ddss compare: the report and the changes file are placed together', () => {
  it.each([['the report (--out)', 'r.json', 'changes.csv'], ['the changes file', 'changes.csv', 'r.json']])(
    '%s cannot be placed (its name was taken during the run): exit 2, and the other is not left without it', async (_, taken, other) => {
      // The definition module takes the name while it loads, after the outputs were checked.
      writeFileSync(p('appears.def.ts'), "import { writeFileSync } from 'node:fs';\nimport { defineDataset, field } from 'ddss';\n" +
        `writeFileSync(${JSON.stringify(p(taken))}, 'written by someone else\\n');\n` +
        "export default defineDataset({ name: 'people', fields: { id: field.text(), name: field.text(), dob: field.text() } });\n");
      const r = await cli(['compare', p('source.csv'), p('copy.csv'), '--key', 'id', '--dataset', p('appears.def.ts'),
        '--format', 'json', '--out', p('r.json'), '--changes', p('changes.csv')]);
      expect(r.stderr).toMatch(/^ddss: refusing to overwrite existing ".*"/);
      expect(r.code).toBe(2);
      expect(readFileSync(p(taken), 'utf8')).toBe('written by someone else\n');
      // Before: the changes file was placed first, then the report was refused, and it stayed.
      expect(existsSync(p(other))).toBe(false);
      expect(readdirSync(tmp.dir).filter((f) => f.endsWith('.part'))).toEqual([]);
    });
});

describe('docs/cli.md', () => {
  it('documents every flag of ddss compare --help', async () => {
    const { COMPARE_HELP } = await import('../src/cli/help.js');
    const doc = readFileSync(new URL('../docs/cli.md', import.meta.url), 'utf8');
    const section = doc.slice(doc.indexOf('## `ddss compare`'), doc.indexOf('## Declarative definitions'));
    for (const flag of COMPARE_HELP.match(/--[a-z-]+/g) ?? []) expect(section).toContain(flag);
  });
});

describe('the published comparison schema', () => {
  it('is checked against every comparison the tests produce (the setup file wraps compare)', async () => {
    const { vi } = await import('vitest');
    const { compare } = await import('../src/compare/compare.js');
    expect(vi.isMockFunction(compare)).toBe(true);
  });

  it.each([
    ['a score above 1', (r: ComparisonReport) => ({ ...r, score: 1.5 }), /schema/],
    ['an unknown status', (r: ComparisonReport) => ({ ...r, status: 'same' }), /schema/],
    ['counts that do not add up', (r: ComparisonReport) => ({ ...r, counts: { ...r.counts, matched: r.counts.matched + 1 } }), /do not add up/],
    ['a score that is not matched / rows.source', (r: ComparisonReport) => ({ ...r, score: 0.5 }), /is not matched/],
    ['status equal with differences', (r: ComparisonReport) => ({ ...r, status: 'equal' }), /does not fit/],
  ])('rejects %s', async (_name, corrupt, message) => {
    const r = await cli(['compare', p('source.csv'), p('copy.csv'), '--key', 'id', '--format', 'json']);
    const report = JSON.parse(r.stdout) as ComparisonReport;
    expect(() => assertValidComparison(corrupt(report) as unknown as ComparisonReport)).toThrow(message);
  });
});

describe('ddss compare never calls a copy equal that was not compared as written', () => {
  // Each of these said "Equal", exit 0: a property after the first NDJSON record, a repeated column, a legacy-encoded
  // pair whose differing letters both read as U+FFFD, an extra cell in a copy row.
  it.each([
    ['a repeated column', 's.csv', 'id,a,a\n1,x,y\n', 'c.csv', 'id,a,a\n1,x,DIFF\n', 'duplicate_header'],
    ['an extra cell in a copy row', 's.csv', 'id,a\n1,x\n', 'c.csv', 'id,a\n1,x,z\n', 'extra_cell'],
  ])('%s: different (exit 1), with the problem named', async (_name, s, source, c, copy, code) => {
    writeFileSync(p(s), source);
    writeFileSync(p(c), copy);
    const r = await cli(['compare', p(s), p(c), '--key', 'id', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as ComparisonReport;
    expect(report.status).toBe('different');
    expect({ ...report.sourceIssues.source, ...report.sourceIssues.copy }).toHaveProperty(code);
  });

  it('a property the first record lacks is named (extra_property), wherever it first appears: different', async () => {
    // Columns are the first record's properties: a later one is not compared, so the copy is not called equal.
    const write = (b: string, at: number) => Array.from({ length: 3000 }, (_, i) =>
      JSON.stringify({ id: i, a: 1, ...(i >= at ? { b } : {}) })).join('\n');
    for (const at of [1, 100, 2000]) {
      writeFileSync(p('s.ndjson'), write('x', at));
      writeFileSync(p('c.ndjson'), write('x', at));
      const r = await cli(['compare', p('s.ndjson'), p('c.ndjson'), '--key', 'id', '--format', 'json']);
      expect(r.code).toBe(1);
      const report = JSON.parse(r.stdout) as ComparisonReport;
      expect([report.compared, report.sourceIssues]).toEqual([['a'], { source: { extra_property: 3000 - at }, copy: { extra_property: 3000 - at } }]);
      // Comparing named columns only: a property outside them is no problem.
      const named = await cli(['compare', p('s.ndjson'), p('c.ndjson'), '--key', 'id', '--columns', 'a']);
      expect(named.code).toBe(0);
    }
  });

  it('mixed line endings, a blank line: listed, but a copy with them can still be equal (exit 0)', async () => {
    writeFileSync(p('m.csv'), 'id,a\r\n1,x\n\n2,y\n');
    const r = await cli(['compare', p('m.csv'), p('m.csv'), '--key', 'id', '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as ComparisonReport;
    expect([report.status, report.sourceIssues.source]).toEqual(['equal', { blank_row: 1, mixed_line_endings: 1 }]);
  });

  it('a stray quote is a problem, not a note: its value is a guess, so a copy is not called equal to it (exit 1)', async () => {
    // `"An"x` is read `Anx` (as spreadsheets read it); a copy holding `Anx` matched it and was called equal, in silence.
    writeFileSync(p('s.csv'), 'id,a\n1,"An"x\n2,y\n');
    writeFileSync(p('c.csv'), 'id,a\n1,Anx\n2,y\n');
    const r = await cli(['compare', p('s.csv'), p('c.csv'), '--key', 'id', '--format', 'json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as ComparisonReport;
    expect([report.status, report.counts.matched, report.sourceIssues]).toEqual(['different', 2, { source: { stray_quote: 1 }, copy: {} }]);
  });

  // "Equal", exit 0, then "Copy file problems (what was not read is not compared, and the copy is not called equal):
  // blank_row 1", which contradicted it: a blank line loses nothing.
  it.each(['text', 'md', 'html'])('a blank line in an equal copy is a note, not a problem, in %s', async (format) => {
    writeFileSync(p('s.csv'), 'id,a\n1,x\n2,y\n');
    writeFileSync(p('c.csv'), 'id,a\n1,x\n\n2,y\n');
    const r = await cli(['compare', p('s.csv'), p('c.csv'), '--key', 'id', '--format', format]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('not called equal');
    expect(r.stdout).toContain('Copy file notes (nothing was lost: no difference)');
  });

  it('a legacy-encoded pair read as UTF-8: different, and the encoding to declare is said', async () => {
    // "Hà"/"Hạ" against "Há"/"Hả" in Windows-1258: each differing byte is not UTF-8 and reads as U+FFFD on both sides.
    writeFileSync(p('s.csv'), Buffer.from([...Buffer.from('id,name\n1,H'), 0xe0, ...Buffer.from('\n2,H'), 0xe3, 0xf2, 0x0a]));
    writeFileSync(p('c.csv'), Buffer.from([...Buffer.from('id,name\n1,H'), 0xe1, ...Buffer.from('\n2,H'), 0xe3, 0xd2, 0x0a]));
    const r = await cli(['compare', p('s.csv'), p('c.csv'), '--key', 'id']);
    expect(r.code).toBe(1);
    // Both files from one legacy system: the flag of both files is the one to give.
    expect(r.stderr).toBe('ddss: 2 rows of the source and 2 of the copy hold bytes that are not UTF-8, compared as replacement ' +
      'characters; if they come from a legacy system, declare their encoding: --encoding tcvn3, vni or windows-1258 ' +
      '(or --encoding-source and --encoding-copy, if they differ)\n');
  });
});

// Rows with an empty key were paired as one record: an empty id in each file was "changed", never said to be keyless.
describe('ddss compare: records with a blank key', () => {
  it('counts them apart, lists them in every format, and exits 1', async () => {
    writeFileSync(p('a.csv'), 'id,name\n1,An\n,Bình\n');
    writeFileSync(p('b.csv'), 'id,name\n1,An\n  ,Chi\n');
    const json = await cli(['compare', p('a.csv'), p('b.csv'), '--key', 'id', '--format', 'json']);
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout) as ComparisonReport;
    assertValidComparison(report);
    expect(report.counts).toEqual({ matched: 1, changed: 0, missing: 0, extra: 0, duplicateKeys: 0 });
    expect(report.keyless).toEqual({ source: 1, copy: 1, samples: [{ side: 'source', record: 2, line: 3 }, { side: 'copy', record: 2, line: 3 }] });
    const text = await cli(['compare', p('a.csv'), p('b.csv'), '--key', 'id']);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('Records with a blank key, paired with nothing (not compared, so the copy is not called equal): ' +
      'Source 1 (record 2, line 3) · Copy 1 (record 2, line 3)');
  });
  // --changes promises every difference, yet the record with a blank key that made the copy different was not in it.
  it('puts them in --changes as keyless rows: the key as read and the records of each side that have it', async () => {
    writeFileSync(p('a.csv'), 'id,name,v\n1,An,1\n,Bình,2\n');
    writeFileSync(p('b.csv'), 'id,name,v\n1,An,2\n');
    const r = await cli(['compare', p('a.csv'), p('b.csv'), '--key', 'id', '--changes', p('ch.csv')]);
    expect(r.code).toBe(1);
    expect(readFileSync(p('ch.csv'), 'utf8')).toBe('key,status,column,source,copy,source_count,copy_count\r\n1,changed,v,1,2,,\r\n,keyless,,,,1,0\r\n');
    await cli(['compare', p('a.csv'), p('b.csv'), '--key', 'id', '--changes', p('ch.ndjson')]);
    expect(readFileSync(p('ch.ndjson'), 'utf8').split('\n')[1]).toBe('{"key":"","status":"keyless","sourceCount":1,"copyCount":0}');
  });
});
