import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli, scratch } from './fixtures/cli/harness.js';
import { removeWorkbooks, writeWorkbook } from './_workbook.js';
import { encodeTcvn3, encodeVni } from '../src/index.js';
import type { ComparisonReport } from '../src/compare/types.js';

let tmp: ReturnType<typeof scratch>;
beforeEach(() => { tmp = scratch(); });
afterEach(() => tmp.remove());
afterAll(() => removeWorkbooks());

/** The same three records, as each system writes them. */
const RECORDS = 'id,name\n1,Nguyễn Văn An\n2,Trần Thị Bé\n3,Lê Chí\n';
const semicolons = (csv: string): string => csv.replace(/,/g, ';');
/** The bytes an old system writes (every letter of RECORDS has a TCVN3 and a VNI form). */
const bytes = (encoded: Uint8Array | undefined): Uint8Array => {
  if (encoded === undefined) throw new Error('a letter the legacy encoding lacks');
  return encoded;
};
const written = (name: string, data: string | Uint8Array): string => {
  writeFileSync(tmp.path(name), data);
  return tmp.path(name);
};
/** Last year's export, from the old system: TCVN3, separated by `;`. */
const legacy = (): string => written('2025.csv', bytes(encodeTcvn3(semicolons(RECORDS))));
/** This year's: UTF-8, separated by `,`. */
const current = (): string => written('2026.csv', RECORDS);
const EQUAL = { matched: 3, changed: 0, missing: 0, extra: 0, duplicateKeys: 0 };
const counts = (stdout: string): unknown => (JSON.parse(stdout) as ComparisonReport).counts;

// compare had one --encoding, --delimiter and --input-format for both files: a TCVN3 `;` export could not be compared
// with a UTF-8 `,` one without converting a file by hand, and read as UTF-8 every Vietnamese name was "changed".
describe('ddss compare reads each file as its own system wrote it', () => {
  it.each([
    ['a TCVN3 `;` source against a UTF-8 `,` copy', () => [legacy(), current(), '--encoding-source', 'tcvn3', '--delimiter-source', ';']],
    ['a UTF-8 source against a VNI `;` copy', () => [current(), written('vni.csv', bytes(encodeVni(semicolons(RECORDS)))),
      '--encoding-copy', 'vni', '--delimiter-copy', ';']],
    ['the flag of both for what the files share, a file\'s own for the rest', () => [legacy(), written('2026.csv', semicolons(RECORDS)),
      '--delimiter', ';', '--encoding-source', 'tcvn3']],
    ['--input-format-source for a name with no known extension', () => [written('2025.dat', bytes(encodeTcvn3(RECORDS))), current(),
      '--input-format-source', 'csv', '--encoding-source', 'tcvn3']],
    ['a TCVN3 copy beside a workbook', async () => [await writeWorkbook((wb) => wb.addWorksheet('S').addRows(
      RECORDS.trimEnd().split('\n').map((l) => l.split(',')))), written('2026.csv', bytes(encodeTcvn3(RECORDS))), '--encoding-copy', 'tcvn3']],
  ])('%s: equal', async (_name, args) => {
    const r = await cli(['compare', ...await args(), '--key', 'id', '--format', 'json']);
    expect([r.code, r.stderr, counts(r.stdout)]).toEqual([0, '', EQUAL]);
  });

  it.each([
    ['standard input as the copy, as NDJSON', ['--input-format-copy', 'ndjson'],
      '{"id":"1","name":"Nguyễn Văn An"}\n{"id":"2","name":"Trần Thị Bé"}\n{"id":"3","name":"Lê Chí"}\n'],
    ['standard input as the copy, separated by tabs', ['--delimiter-copy', 'tab'], RECORDS.replace(/,/g, '\t')],
  ])('%s: equal', async (_name, flags, stdin) => {
    const r = await cli(['compare', legacy(), '-', '--key', 'id', '--format', 'json', '--encoding-source', 'tcvn3',
      '--delimiter-source', ';', ...flags], { stdin });
    expect([r.code, r.stderr, counts(r.stdout)]).toEqual([0, '', EQUAL]);
  });

  it.each([
    ['no flag: the key is not in a one-column header', [], 2],
    ['the delimiter alone: every name changed', ['--delimiter-source', ';'], 1],
    ['the flags of both files: the copy read as TCVN3', ['--encoding', 'tcvn3', '--delimiter', ';'], 2],
  ])('without its own flags the pair is not equal (%s)', async (_name, flags, code) => {
    const r = await cli(['compare', legacy(), current(), '--key', 'id', ...flags]);
    expect(r.code).toBe(code);
  });
});

// compare said "--encoding tcvn3, vni or windows-1258" and "--delimiter ';' (it applies to both CSV files)": flags of
// both files, which read the other file wrongly, and nothing at all for a UTF-8 copy read as TCVN3.
describe('the hints name the flag of the file concerned', () => {
  const ENCODINGS = 'if it comes from a legacy system, declare its encoding: --encoding-source tcvn3, vni or windows-1258';
  it.each([
    ['a TCVN3 `;` source read as a UTF-8 `,` file: both, in the usage error', [], 2,
      'key column "id" is not in the source (its columns: id;name); the header of the source is one column: the file seems ' +
      `separated by ';'; declare --delimiter-source ';'; the source holds bytes that are not UTF-8; ${ENCODINGS}`],
    ['its delimiter declared: its encoding', ['--delimiter-source', ';'], 1,
      `3 rows of the source hold bytes that are not UTF-8, compared as replacement characters; ${ENCODINGS}`],
    ['--delimiter of both files: each file\'s flag in its place', ['--delimiter', ';'], 2,
      'key column "id" is not in the copy (its columns: id,name); the header of the copy is one column: the file seems ' +
      'separated by \',\'; declare --delimiter-source \';\' --delimiter-copy \',\' in place of --delimiter \';\'; ' +
      `the source holds bytes that are not UTF-8; ${ENCODINGS}`],
    ['--encoding of both files: the UTF-8 copy says what it is', ['--encoding', 'tcvn3', '--delimiter-source', ';'], 1,
      'the copy looks like UTF-8, not tcvn3 as it was read: its bytes are valid UTF-8 with 7 accented letters written as UTF-8 ' +
      'sequences; declare --encoding-source tcvn3 --encoding-copy utf8 in place of --encoding tcvn3'],
  ])('%s', async (_name, flags, code, message) => {
    const r = await cli(['compare', legacy(), current(), '--key', 'id', ...flags]);
    expect([r.code, r.stderr]).toEqual([code, `ddss: ${message}\n`]);
  });

  // Before: `--delimiter-source ''' … in place of --delimiter '''`, which a shell reads as an unclosed quote.
  it('a delimiter single quotes cannot hold, given for both files, is quoted in the flags that replace it', async () => {
    const r = await cli(['compare', written('a.csv', "id'name\n1'An\n"), written('b.csv', 'id;name\n1;An\n'), '--key', 'id', '--delimiter', "'"]);
    expect([r.code, r.stderr]).toEqual([2, 'ddss: key column "id" is not in the copy (its columns: id;name); the header of the copy ' +
      'is one column: the file seems separated by \';\'; declare --delimiter-source "\'" --delimiter-copy \';\' in place of --delimiter "\'"\n']);
  });

  it('a UTF-16 copy without its byte order mark: --encoding-copy utf16le', async () => {
    const copy = written('2026.csv', Buffer.from(RECORDS, 'utf16le'));
    const r = await cli(['compare', written('2025.csv', RECORDS), copy, '--key', 'id', '--columns', 'name']);
    expect(r.stderr).toMatch(/^ddss: [^\n]*; declare --encoding-copy utf16le\n$/);
    const declared = await cli(['compare', tmp.path('2025.csv'), copy, '--key', 'id', '--encoding-copy', 'utf16le', '--format', 'json']);
    expect([declared.code, declared.stderr, counts(declared.stdout)]).toEqual([0, '', EQUAL]);
  });
});

// The readers' gzip error says "zcat FILE | ddss validate - …" whatever the command: under compare that pipe validates
// one file, and fix and refdata import cannot read standard input at all.
describe('the gzip refusal names the command run', () => {
  const GZ = gzipSync(RECORDS);
  it.each([
    ['compare, a gzip copy: piped as the copy', () => ['compare', written('a.csv', RECORDS), written('b.csv', GZ), '--key', 'id'],
      () => `ddss: could not read the whole input: copy: the input is gzip data, not text: decompress it first (gunzip, or ` +
        `\`zcat "${tmp.path('b.csv')}" | ddss compare "${tmp.path('a.csv')}" - …\`)\n`],
    ['compare, a gzip source: piped as the source', () => ['compare', written('a.csv', GZ), written('b.csv', RECORDS), '--key', 'id'],
      () => `ddss: could not read the whole input: source: the input is gzip data, not text: decompress it first (gunzip, or ` +
        `\`zcat "${tmp.path('a.csv')}" | ddss compare - "${tmp.path('b.csv')}" …\`)\n`],
    ['profile', () => ['profile', written('a.csv', GZ)], () => `ddss: cannot profile "${tmp.path('a.csv')}": no column could be read ` +
      '(source issues: 1 binary_input): the input is gzip data, not text: decompress it first (gunzip, or `zcat FILE | ddss profile - …`)\n'],
    ['fix, which cannot read standard input: gunzip alone', () => ['fix', written('a.csv', GZ), '--dataset', 'land-parcels', '--dry-run'],
      () => 'ddss: could not read the whole input: the input is gzip data, not text: decompress it first (gunzip); nothing written\n'],
    ['refdata import, which reads a file: gunzip alone', () => ['refdata', 'import', written('a.csv', GZ), '--scheme', '2025-07-01',
      '--valid-from', '2025-07-01', '--source', 'GSO'], () => `ddss: cannot import "${tmp.path('a.csv')}": the input is gzip data, ` +
      'not text: decompress it first (gunzip)\n'],
  ])('%s', async (_name, args, stderr) => {
    const r = await cli(args());
    expect([r.code, r.stderr]).toEqual([3, stderr()]);
  });

  it('compare with the other file on standard input: gunzip alone (one input can be "-")', async () => {
    const r = await cli(['compare', '-', written('b.csv', GZ), '--key', 'id'], { stdin: RECORDS });
    expect(r.stderr).toBe('ddss: could not read the whole input: copy: the input is gzip data, not text: decompress it first (gunzip)\n');
  });
});
