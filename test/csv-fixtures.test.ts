import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { chunked, collect, fixture } from './fixtures/csv/_collect.js';
import type { CsvOptions } from '../src/sources/csv/read-csv.js';

interface Expected {
  readonly columns?: readonly string[];
  readonly rows: readonly (readonly string[])[];
  readonly lines: readonly number[];
  /** `code@line#row:field` (row: 0-based evaluated row; header and record issues have none). */
  readonly issues: readonly string[];
  readonly records: number;
  readonly linesRead: number;
  readonly params?: readonly unknown[];
  readonly encoding?: string;
  readonly error?: boolean;
}

const vi = ['Tiếng Việt', 'Bảo Thắng', 'Đồng Nai'];

// Every bad input of QUALITY.md §2 that concerns CSV, with the exact issues (codes, lines, rows) it must give.
const cases: ReadonlyArray<readonly [string, CsvOptions, Expected]> = [
  // Nothing to evaluate is a read error (`source.empty`), not an empty table that passes (issue 13, item 8).
  ['empty.csv', {}, { rows: [], lines: [], issues: ['empty@-'], params: [{ bytes: 0 }], records: 0, linesRead: 0, error: true }],
  ['bom-only-utf8.csv', {}, { rows: [], lines: [], issues: ['empty@-'], params: [{ bytes: 3 }], records: 0, linesRead: 0,
    error: true }],
  ['bom-only-utf16le.csv', {}, { rows: [], lines: [], issues: ['empty@-'], params: [{ bytes: 2 }], records: 0, linesRead: 0,
    error: true, encoding: 'utf16le' }],
  ['bom-only-utf16be.csv', {}, { rows: [], lines: [], issues: ['empty@-'], params: [{ bytes: 2 }], records: 0, linesRead: 0,
    error: true, encoding: 'utf16be' }],
  ['header-only.csv', {}, { columns: ['mã_thửa', 'chủ_sử_dụng'], rows: [], lines: [], issues: [], records: 0, linesRead: 1 }],
  ['header-only-no-newline.csv', {}, { columns: ['mã_thửa', 'chủ_sử_dụng'], rows: [], lines: [], issues: [], records: 0, linesRead: 1 }],
  ['blank-header.csv', {}, { columns: ['id', '', 'name', ' '], rows: [['1', 'a', 'b', 'c']], lines: [2],
    issues: ['blank_header@1', 'blank_header@1'], params: [{ column: 2 }, { column: 4 }], records: 1, linesRead: 2 }],
  ['duplicate-header.csv', {}, { columns: ['id', 'name', 'id', 'name'], rows: [['1', 'An', '2', 'Bình']], lines: [2],
    issues: ['duplicate_header@1:id', 'duplicate_header@1:name'], params: [{ column: 3, first: 1 }, { column: 4, first: 2 }],
    records: 1, linesRead: 2 }],
  ['ragged.csv', {}, { columns: ['id', 'name', 'area'], rows: [['1', 'An'], ['2', 'Bình', '30'], ['3', 'Chi', '40'], ['4']],
    lines: [2, 3, 4, 5], issues: ['missing_cell@2#0:area', 'extra_cell@3#1', 'missing_cell@5#3:name', 'missing_cell@5#3:area'],
    params: [{ cells: 2, columns: 3, column: 3 }, { cells: 5, columns: 3, column: 4 }, { cells: 1, columns: 3, column: 2 },
      { cells: 1, columns: 3, column: 3 }], records: 4, linesRead: 5 }],
  ['blank-rows.csv', {}, { columns: ['id', 'name'], rows: [['1', 'An'], ['2', 'Bình']], lines: [2, 5],
    issues: ['blank_row@3', 'blank_row@4', 'blank_row@6'], records: 5, linesRead: 6 }],
  ['unclosed-quote.csv', {}, { columns: ['id', 'note'], rows: [['1', 'ok']], lines: [2], issues: ['unclosed_quote@3'],
    records: 2, linesRead: 4 }],
  ['stray-quotes.csv', {}, { columns: ['id', 'note'], rows: [['1', 'ab"c'], ['2', 'quotedtail'], ['3', 'a "q" b'], ['4', ' "spaced"']],
    lines: [2, 3, 4, 5], issues: ['stray_quote@3#1:note'], params: [{ column: 2 }], records: 4, linesRead: 5 }],
  ['endings-lf.csv', {}, { columns: ['id', 'v'], rows: [['1', 'a'], ['2', 'b']], lines: [2, 3], issues: [], records: 2, linesRead: 3 }],
  ['endings-crlf.csv', {}, { columns: ['id', 'v'], rows: [['1', 'a'], ['2', 'b']], lines: [2, 3], issues: [], records: 2, linesRead: 3 }],
  ['endings-cr.csv', {}, { columns: ['id', 'v'], rows: [['1', 'a'], ['2', 'b']], lines: [2, 3], issues: [], records: 2, linesRead: 3 }],
  ['endings-mixed.csv', {}, { columns: ['id', 'v'], rows: [['1', 'a'], ['2', 'b'], ['3', 'c']], lines: [2, 3, 4],
    issues: ['mixed_line_endings@-'], params: [{ endings: 'CRLF, LF, CR', line: 2 }], records: 3, linesRead: 4 }],
  ['quoted-newlines.csv', {}, { columns: ['id', 'address', 'owner'],
    rows: [['1', 'Số 1,\nThôn Đông', 'An'], ['2', 'dòng 1\r\ndòng 2\rdòng 3', 'Bình'], ['3', 'plain', 'Chi']],
    lines: [2, 4, 7], issues: [], records: 3, linesRead: 7 }],
  ['bom-utf8.csv', {}, { columns: ['id', 'tên'], rows: [['1', 'Việt']], lines: [2], issues: [], records: 1, linesRead: 2,
    encoding: 'utf8' }],
  ['bom-utf16le.csv', {}, { columns: ['id', 'tên'], rows: [['1', 'Việt']], lines: [2], issues: [], records: 1, linesRead: 2,
    encoding: 'utf16le' }],
  ['bom-utf16be.csv', {}, { columns: ['id', 'tên'], rows: [['1', 'Việt']], lines: [2], issues: [], records: 1, linesRead: 2,
    encoding: 'utf16be' }],
  ['utf16le-no-bom.csv', { encoding: 'utf16le' }, { columns: ['id', 'tên'], rows: [['1', 'Việt']], lines: [2], issues: [],
    records: 1, linesRead: 2, encoding: 'utf16le' }],
  ['control-characters.csv', {}, { columns: ['id', 'note'],
    rows: [['1', 'a\0b'], ['2', 'tab\tok'], ['3', 'bell\x07\x01'], ['4', 'ok']], lines: [2, 3, 4, 5],
    issues: ['control_character@2#0:note', 'control_character@4#2:note'], params: [{ codepoint: '0000', column: 2 }, { codepoint: '0007', column: 2 }],
    records: 4, linesRead: 5 }],
  ['huge-field.csv', { maxRecordBytes: 64 }, { columns: ['id', 'note'], rows: [['2', 'ok'], ['4', 'ok']], lines: [3, 6],
    issues: ['record_too_large@2', 'record_too_large@4'], params: [{ maxBytes: 64 }, { maxBytes: 64, spans: 1 }], records: 4, linesRead: 6 }],
  ['huge-unclosed.csv', { maxRecordBytes: 64 }, { columns: ['id', 'note'], rows: [['1', 'ok']], lines: [2],
    issues: ['record_too_large@3'], params: [{ maxBytes: 64 }], records: 2, linesRead: 3, error: true }],
  ['invalid-utf8.csv', {}, { columns: ['id', 'name'], rows: [['1', 'Việt'], ['2', 'caf\uFFFD'], ['3', '\uFFFD\uFFFDok']],
    lines: [2, 3, 4], issues: ['invalid_encoding@3#1:name', 'extra_cell@4#2', 'invalid_encoding@4#2:name', 'invalid_encoding@4#2'],
    params: [{ offset: 22, encoding: 'utf8', column: 2 }, { cells: 3, columns: 2, column: 3 },
      { offset: 26, encoding: 'utf8', column: 2 }, { offset: 31, encoding: 'utf8', column: 3 }], records: 3, linesRead: 4 }],
  ['windows-1258.csv', { encoding: 'windows-1258' }, { columns: ['id', 'tên'], rows: vi.map((v, i) => [String(i + 1), v]),
    lines: [2, 3, 4], issues: [], records: 3, linesRead: 4, encoding: 'windows-1258' }],
  ['tcvn3.csv', { encoding: 'tcvn3' }, { columns: ['id', 'tên'], rows: vi.map((v, i) => [String(i + 1), v]),
    lines: [2, 3, 4], issues: [], records: 3, linesRead: 4, encoding: 'tcvn3' }],
  ['vni.csv', { encoding: 'vni' }, { columns: ['id', 'tên'], rows: vi.map((v, i) => [String(i + 1), v]),
    lines: [2, 3, 4], issues: [], records: 3, linesRead: 4, encoding: 'vni' }],
  // NFD text is read as it is (the nfc() rule reports it); only legacy encodings are decoded to NFC.
  ['nfd.csv', {}, { columns: ['id', 'name'], rows: [['1', 'Nguyễn Văn Việt'.normalize('NFD')]], lines: [2], issues: [],
    records: 1, linesRead: 2 }],
  ['proto-headers.csv', {}, { columns: ['__proto__', 'constructor', 'toString', 'id'],
    rows: [['{"polluted":true}', 'x', 'y', '1']], lines: [2], issues: [], records: 1, linesRead: 2 }],
  ['leading-zeros.csv', {}, { columns: ['id', 'cccd', 'code'], rows: [['1', '001085012345', '007'], ['2', '079199000001', '0']],
    lines: [2, 3], issues: [], records: 2, linesRead: 3 }],
  ['semicolon.csv', { delimiter: 'auto' }, { columns: ['id', 'tên', 'ghi chú'], rows: [['1', 'An', 'a;b']], lines: [2],
    issues: [], records: 1, linesRead: 2 }],
  ['tab.csv', { delimiter: 'auto' }, { columns: ['id', 'tên'], rows: [['1', 'An']], lines: [2], issues: [], records: 1, linesRead: 2 }],
  // A file cut short by a crash ends in zero bytes: one file finding, and the rows before read as in the file cut
  // there (not one more row with a control character and missing cells). The zeros are bytes, not a record.
  ['zero-tail.csv', {}, { columns: ['id', 'name'], rows: [['1', 'An'], ['2', 'Bình']], lines: [2, 3],
    issues: ['zero_filled_tail@-'], params: [{ bytes: 64, offset: 21 }], records: 2, linesRead: 3 }],
  ['zero-tail-mid-line.csv', {}, { columns: ['id', 'name'], rows: [['1', 'An'], ['2', 'B']], lines: [2, 3],
    issues: ['zero_filled_tail@-'], params: [{ bytes: 512, offset: 16 }], records: 2, linesRead: 3 }],
  ['zeros-only.csv', {}, { rows: [], lines: [], issues: ['zero_filled_tail@-'], params: [{ bytes: 32, offset: 0 }],
    records: 0, linesRead: 0, error: true }],
  // Fewer than 16 zeros are not taken for a cut: they are a record with a control character, as before.
  ['zero-tail-short.csv', {}, { columns: ['id', 'name'], rows: [['1', 'An'], ['\0'.repeat(15)]], lines: [2, 3],
    issues: ['missing_cell@3#1:name', 'control_character@3#1:id'], records: 2, linesRead: 3 }],
  // Two exports joined: the header line again (also after a byte order mark, or quoted) is a rejected record, not a
  // row; a line that differs in case is data.
  ['repeated-header.csv', {}, { columns: ['id', 'name'], rows: [['1', 'An'], ['2', 'Bình'], ['id', 'Name'], ['3', 'Chi']],
    lines: [2, 4, 7, 8], issues: ['repeated_header@3', 'repeated_header@5', 'repeated_header@6'], records: 7, linesRead: 8 }],
];

describe('readCsv on every bad input', () => {
  it.each(cases)('%s', async (name, options, want) => {
    const got = await collect(fixture(name), options);
    expect(got.columns).toEqual(want.columns);
    expect(got.rows).toEqual(want.rows);
    expect(got.lines).toEqual(want.lines);
    expect(got.issues).toEqual(want.issues);
    if (want.params !== undefined) expect(got.raw.map((i) => i.params).filter((p) => p !== undefined)).toEqual(want.params);
    expect(got.info.records).toBe(want.records);
    expect(got.linesRead).toBe(want.linesRead);
    expect(got.info.encoding).toBe(want.encoding ?? 'utf8');
    expect(got.info.error !== undefined).toBe(want.error ?? false);
    // Invariant 5 on every fixture: records = evaluated rows + blank rows + rejected records.
    expect(got.info.records).toBe(got.rows.length + got.raw.filter((i) => i.scope === 'record').length);
  });

  it.each([
    ['blank_header', 'clean', 'header'], ['duplicate_header', 'clean', 'header'], ['missing_cell', 'sufficient', 'row'],
    ['extra_cell', 'clean', 'row'], ['blank_row', 'clean', 'record'], ['invalid_encoding', 'clean', 'row'],
    ['unclosed_quote', 'sufficient', 'record'], ['record_too_large', 'sufficient', 'record'],
    ['control_character', 'clean', 'row'], ['mixed_line_endings', 'clean', 'file'], ['empty', 'sufficient', 'file'],
    ['zero_filled_tail', 'sufficient', 'file'], ['repeated_header', 'clean', 'record'],
  ] as const)('%s is a %s issue of %s scope', async (code, criterion, scope) => {
    const all = await Promise.all(cases.map(([name, options]) => collect(fixture(name), options)));
    const found = all.flatMap((c) => c.raw).filter((i) => i.code === code);
    expect(found.length).toBeGreaterThan(0);
    for (const i of found) expect([i.criterion, i.scope]).toEqual([criterion, scope]);
  });
});

// Issue 13: a file read in the wrong encoding lost its score silently, or got a hint naming the wrong encodings.
describe('readCsv says when the bytes are not in the encoding they are read with', () => {
  const mismatch = async (name: string, options: CsvOptions) =>
    (await collect(fixture(name), options)).raw.filter((i) => i.code === 'encoding_mismatch');

  it.each([
    ['utf16le-no-bom.csv', {}, 'utf16le', 'utf8', 'every other byte is zero'],
    ['utf16le-no-bom.csv', { encoding: 'tcvn3' }, 'utf16le', 'tcvn3', 'every other byte is zero'],
    ['bom-utf16be.csv', { encoding: 'utf16le' }, 'utf16be', 'utf16le', 'UTF-16 BE byte order mark'],
    ['bom-utf16le.csv', { encoding: 'windows-1258' }, 'utf16le', 'windows-1258', 'UTF-16 LE byte order mark'],
    ['bom-utf8.csv', { encoding: 'tcvn3' }, 'utf8', 'tcvn3', 'UTF-8 byte order mark'],
    ['bom-utf8.csv', { encoding: 'utf16le' }, 'utf8', 'utf16le', 'UTF-8 byte order mark'],
    ['header-only.csv', { encoding: 'tcvn3' }, 'utf8', 'tcvn3', 'valid UTF-8 with 5 accented letters'],
    ['quoted-newlines.csv', { encoding: 'vni' }, 'utf8', 'vni', 'valid UTF-8'],
    ['quoted-newlines.csv', { encoding: 'windows-1258' }, 'utf8', 'windows-1258', 'valid UTF-8'],
    ['endings-lf.csv', { encoding: 'utf16be' }, 'utf8', 'utf16be', 'without the zero bytes of UTF-16'],
  ] as const)('%s read with %j: one file finding suggesting %s', async (name, options, likely, declared, evidence) => {
    const found = await mismatch(name, options);
    expect(found).toHaveLength(1);
    const [issue] = found;
    expect(issue).toMatchObject({ criterion: 'clean', severity: 'error', scope: 'file', suggestion: likely,
      params: { declared, evidence: { en: expect.stringContaining(evidence) as unknown } } });
    expect(issue?.line).toBeUndefined();
  });

  it.each([
    ['endings-lf.csv', { encoding: 'tcvn3' }], // ASCII reads the same in every 8-bit encoding
    ['tcvn3.csv', { encoding: 'tcvn3' }],
    ['vni.csv', { encoding: 'vni' }],
    ['windows-1258.csv', { encoding: 'windows-1258' }],
    ['invalid-utf8.csv', {}], // not UTF-8 and not UTF-16: the invalid_encoding findings say it
    ['control-characters.csv', {}], // a NUL or two is not UTF-16
    ['bom-utf16le.csv', {}], // a UTF-16 BOM in a file read as utf8 (the default) is honoured
    ['bom-utf16be.csv', {}],
  ] as const)('%s read with %j: no finding', async (name, options) => {
    expect(await mismatch(name, options)).toEqual([]);
  });

  it('decides on the same first bytes whatever the chunking', async () => {
    const bytes = new Uint8Array(readFileSync(fixture('utf16le-no-bom.csv')));
    const whole = await collect(bytes, { encoding: 'tcvn3' });
    const parts = await collect(chunked(bytes, [1, 2, 3]), { encoding: 'tcvn3' });
    expect(parts.raw).toEqual(whole.raw);
    expect(whole.raw.some((i) => i.code === 'encoding_mismatch')).toBe(true);
  });
});
