import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli, FIXTURES, NOW, scratch } from './fixtures/cli/harness.js';
import { removeWorkbooks, writeWorkbook } from './_workbook.js';

let tmp: ReturnType<typeof scratch>;
beforeEach(() => { tmp = scratch(); });
afterEach(() => tmp.remove());
afterAll(() => removeWorkbooks());

// `validate --rename` read a Vietnamese header (Mã thửa, Số CCCD) as a register's fields; the other commands that read
// a file against a definition, or two exports of one register, could not: every such field was "missing", or a key
// was "not in the header".
const parcels = readFileSync(`${FIXTURES}/parcels.csv`, 'utf8');
const ok = readFileSync(`${FIXTURES}/parcels-ok.csv`, 'utf8');
const vi = (csv: string): string => csv.replace('parcel_id', 'Mã thửa').replace('owner_id', 'Số CCCD');
const RENAME = ['Mã thửa=parcel_id', 'Số CCCD=owner_id'];
const flags = (flag: string): string[] => RENAME.flatMap((r) => [`--${flag}`, r]);
const written = (name: string, text: string): string => {
  writeFileSync(tmp.path(name), text);
  return tmp.path(name);
};
type Read = Record<string, unknown>;
/** A comparison without what names the files read (their names and sizes differ by the header). */
const comparison = (stdout: string): unknown => {
  const r = JSON.parse(stdout) as { source: Read; copy: Read };
  return { ...r, source: { ...r.source, name: 'x', bytes: 0 }, copy: { ...r.copy, name: 'x', bytes: 0 } };
};
/** A profile without the name of the file profiled. */
const profiled = (stdout: string): unknown => ({ ...(JSON.parse(stdout) as Read), source: 'x' });

describe('ddss compare --rename, --rename-source, --rename-copy', () => {
  it.each([
    ['--rename-source: last year\'s export had the Vietnamese header', () => [written('vi.csv', vi(parcels)), 'parcels-ok.csv', ...flags('rename-source')]],
    ['--rename-copy: this year\'s export has it', () => ['parcels.csv', written('vi.csv', vi(ok)), ...flags('rename-copy')]],
    ['--rename: both exports have it', () => [written('a.csv', vi(parcels)), written('b.csv', vi(ok)), ...flags('rename')]],
    ['--rename and --rename-copy: one column in both, another in the copy only', () => [written('a.csv', parcels.replace('parcel_id', 'Mã thửa')),
      written('b.csv', vi(ok)), '--rename', RENAME[0] as string, '--rename-copy', RENAME[1] as string]],
  ])('%s: the comparison of the files with the canonical header, --key and --dataset by field', async (_name, args) => {
    for (const dataset of [[], ['--dataset', 'parcels.yaml']]) {
      const renamed = await cli(['compare', ...args(), '--key', 'parcel_id', ...dataset, '--format', 'json']);
      const original = await cli(['compare', 'parcels.csv', 'parcels-ok.csv', '--key', 'parcel_id', ...dataset, '--format', 'json']);
      expect(renamed).toMatchObject({ code: original.code, stderr: original.stderr });
      expect(comparison(renamed.stdout)).toEqual(comparison(original.stdout));
    }
  });

  it('renames the columns of workbooks read with --input-format xlsx', async () => {
    const rows = (csv: string) => csv.trimEnd().split('\n').map((l) => l.split(','));
    const source = await writeWorkbook((wb) => wb.addWorksheet('S').addRows(rows(vi(parcels))));
    const copy = await writeWorkbook((wb) => wb.addWorksheet('S').addRows(rows(ok)));
    const r = await cli(['compare', source, copy, '--input-format', 'xlsx', '--key', 'parcel_id', ...flags('rename-source'), '--format', 'json']);
    expect(JSON.parse(r.stdout)).toMatchObject({ counts: { matched: 1, changed: 1, missing: 2, extra: 0 }, columnsOnlyIn: { source: [], copy: [] } });
  });

  it('masks a column renamed from a name that says personal data, as it was masked under that name', async () => {
    const source = written('a.csv', 'id,Ngày sinh\n1,01/02/1990\n');
    const copy = written('b.csv', 'id,d1\n1,03/04/1991\n');
    const r = await cli(['compare', source, copy, '--key', 'id', '--rename-source', 'Ngày sinh=d1', '--format', 'json']);
    expect(JSON.parse(r.stdout)).toMatchObject({ samples: [{ key: '1', column: 'd1', source: '**/**/****', copy: '**/**/****' }] });
  });

  it.each([
    [['--rename-source', 'Mã thửa'], 'ddss: --rename-source takes COLUMN=FIELD (the header\'s name, then the field\'s), got "Mã thửa"\n'],
    [['--rename-copy', 'a=x', '--rename-copy', 'a=y'], 'ddss: --rename-copy names the column "a" twice\n'],
    [['--rename', 'a=x', '--rename-source', 'a=y'], 'ddss: --rename and --rename-source name the column "a" twice\n'],
    [['--rename', 'a=x', '--rename-copy', 'b=x'], 'ddss: --rename and --rename-copy read two columns as the field "x"\n'],
    [['--rename', 'Mã thửa=parcel_id'], 'ddss: --rename names "Mã thửa", which the header of the copy does not have (its columns: ' +
      'parcel_id, owner_id, owner_name, area_m2, issued_on); --rename renames the columns of both files: rename the source\'s alone with --rename-source\n'],
    [['--rename-source', 'Ma thua=parcel_id'], 'ddss: --rename-source names "Ma thua", which the header of the source does not have ' +
      '(its columns: Mã thửa, Số CCCD, owner_name, area_m2, issued_on)\n'],
  ])('%j is a usage error, before anything is read', async (given, stderr) => {
    const r = await cli(['compare', written('vi.csv', vi(parcels)), 'parcels.csv', '--key', 'parcel_id', ...given, '--changes', tmp.path('c.csv')]);
    expect(r).toMatchObject({ code: 2, stdout: '', stderr });
    expect(existsSync(tmp.path('c.csv'))).toBe(false);
  });

  it('is for CSV and workbooks: a JSON side\'s records are keyed by their own names', async () => {
    expect(await cli(['compare', 'parcels.csv', 'parcels.ndjson', '--key', 'parcel_id', '--rename-copy', 'a=b'])).toMatchObject({
      code: 2, stderr: 'ddss: --rename-copy applies to CSV and .xlsx input, not ndjson (a JSON record\'s keys are its columns)\n' });
  });
});

describe('ddss fix --rename', () => {
  // A byte order mark, a quoted header cell and CRLF: the header must come back exactly as the user wrote it. The
  // fixable cell (a name with a trailing space) is in a renamed column.
  const header = '\ufeff"Mã thửa",Số CCCD,Chủ sử dụng,area_m2,issued_on\r\n';
  const body = parcels.slice(parcels.indexOf('\n') + 1).replace(/\n/g, '\r\n');
  const renames = [...flags('rename'), '--rename', 'Chủ sử dụng=owner_name'];

  it('fixes as the file with the canonical header does, and writes the fixed file with the original header, byte for byte', async () => {
    const renamed = await cli(['fix', written('vi.csv', header + body), '--dataset', 'parcels.yaml', ...NOW, ...renames,
      '--out', tmp.path('vi-fixed.csv'), '--log', tmp.path('vi-log.csv')]);
    const original = await cli(['fix', written('en.csv', `\ufeffparcel_id,owner_id,owner_name,area_m2,issued_on\r\n${body}`), '--dataset', 'parcels.yaml',
      ...NOW, '--out', tmp.path('en-fixed.csv'), '--log', tmp.path('en-log.csv')]);
    const summary = (stdout: string) => stdout.split('\n').slice(1);
    expect(renamed).toMatchObject({ code: original.code, stderr: '' });
    expect(summary(renamed.stdout)).toEqual(summary(original.stdout));
    expect(renamed.stdout).toContain('fixed 1 cell: whitespace 1');
    // The log speaks in fields (the definition's names), as for the canonical file.
    expect(readFileSync(tmp.path('vi-log.csv'), 'utf8')).toBe(readFileSync(tmp.path('en-log.csv'), 'utf8'));
    const fixed = readFileSync(tmp.path('vi-fixed.csv'));
    const head = Buffer.from(header);
    expect(fixed.subarray(0, head.length).equals(head)).toBe(true);
    expect(fixed.subarray(head.length).toString('utf8')).toBe(body.replace('Canary ,', 'Canary,'));
  });

  it('leaves a file that needs no fix with its header as it is', async () => {
    const r = await cli(['fix', written('ok.csv', vi(ok)), '--dataset', 'parcels.yaml', ...NOW, ...flags('rename'), '--out', tmp.path('f.csv')]);
    expect(r.code).toBe(0);
    expect(readFileSync(tmp.path('f.csv'), 'utf8')).toBe(vi(ok));
  });

  it.each([
    [['--rename', '=parcel_id'], 'ddss: --rename takes COLUMN=FIELD (the header\'s name, then the field\'s), got "=parcel_id"\n'],
    [['--rename', 'a=x', '--rename', 'b=x'], 'ddss: --rename reads two columns as the field "x"\n'],
    [['--rename', 'Ma thua=parcel_id'], 'ddss: --rename names "Ma thua", which the header does not have ' +
      '(its columns: Mã thửa, Số CCCD, owner_name, area_m2, issued_on)\n'],
  ])('%j is a usage error, and nothing is written', async (given, stderr) => {
    const r = await cli(['fix', written('vi.csv', vi(parcels)), '--dataset', 'parcels.yaml', ...NOW, ...given, '--out', tmp.path('f.csv')]);
    expect(r).toMatchObject({ code: 2, stdout: '', stderr });
    expect(existsSync(tmp.path('f.csv'))).toBe(false);
  });
});

describe('ddss profile --rename', () => {
  it('profiles the columns under the fields\' names: the profile of the file with the canonical header', async () => {
    const renamed = await cli(['profile', written('vi.csv', vi(parcels)), ...NOW, ...flags('rename'), '--format', 'json']);
    const original = await cli(['profile', 'parcels.csv', ...NOW, '--format', 'json']);
    expect(renamed).toMatchObject({ code: 0, stderr: '' });
    expect(profiled(renamed.stdout)).toEqual(profiled(original.stdout));
  });

  it('reads a workbook\'s header row the same way', async () => {
    const rows = vi(parcels).trimEnd().split('\n').map((l) => l.split(','));
    const book = await writeWorkbook((wb) => wb.addWorksheet('S').addRows(rows));
    const r = await cli(['profile', book, ...NOW, ...flags('rename'), '--format', 'json']);
    expect((JSON.parse(r.stdout) as { columns: { name: string }[] }).columns.map((c) => c.name))
      .toEqual(['parcel_id', 'owner_id', 'owner_name', 'area_m2', 'issued_on']);
  });

  it('masks a column renamed from a name that says personal data, and suggests it as pii', async () => {
    const path = written('dob.csv', 'id,Ngày sinh\n1,01/02/1990\n2,03/04/1991\n');
    const json = await cli(['profile', path, '--rename', 'Ngày sinh=d1', '--format', 'json']);
    expect((JSON.parse(json.stdout) as { columns: unknown[] }).columns[1]).toMatchObject({ name: 'd1', personal: true, min: '****-**-**' });
    expect((await cli(['profile', path, '--rename', 'Ngày sinh=d1', '--format', 'yaml'])).stdout).toMatch(/"d1":\n(?: {4}.*\n)*? {4}pii: true/);
  });

  // The suggested definition named the renamed fields without a rename:, so it did not read the file it came from:
  // every renamed field was a missing column unless --rename was given again.
  it('--format yaml suggests the rename: block, so the saved definition reads the file as written', async () => {
    const input = written('vi.csv', vi(parcels));
    const yaml = await cli(['profile', input, ...NOW, ...flags('rename'), '--format', 'yaml', '--out', tmp.path('vi.yaml')]);
    expect(yaml).toMatchObject({ code: 0, stderr: '' });
    expect(readFileSync(tmp.path('vi.yaml'), 'utf8')).toContain('\nrename:  # the header in the file: the field it is read as ' +
      '(the rename this profile was read with)\n  "Mã thửa": "parcel_id"\n  "Số CCCD": "owner_id"\nfields:\n  "parcel_id":\n');
    const report = await cli(['validate', input, '--dataset', tmp.path('vi.yaml'), ...NOW, '--format', 'json']);
    const rules = (JSON.parse(report.stdout) as { rules: { id: string; failed: number }[] }).rules;
    expect(rules.find((r) => r.id === 'source.missing_column')).toBeUndefined();
    expect(rules.find((r) => r.id === 'parcel_id.required')).toMatchObject({ failed: 0 });
    // Without --rename, nothing to suggest.
    expect((await cli(['profile', 'parcels.csv', ...NOW, '--format', 'yaml'])).stdout).not.toContain('rename:');
  });

  it.each([
    [['--rename', 'Ma thua=parcel_id'], 'vi.csv', 'ddss: --rename names "Ma thua", which the header does not have ' +
      '(its columns: Mã thửa, Số CCCD, owner_name, area_m2, issued_on)\n'],
    [['--rename', 'a=x', '--rename', 'a=y'], 'vi.csv', 'ddss: --rename names the column "a" twice\n'],
    [['--rename', 'a=b'], 'parcels.ndjson', 'ddss: --rename applies to CSV and .xlsx input, not ndjson (a JSON record\'s keys are its columns)\n'],
  ])('%j on %s is a usage error', async (given, file, stderr) => {
    const input = file === 'vi.csv' ? written(file, vi(parcels)) : file;
    expect(await cli(['profile', input, ...given])).toMatchObject({ code: 2, stdout: '', stderr });
  });
});

describe('ddss validate --rename without --dataset', () => {
  it('suggests a column renamed from a name that says personal data as pii: its values are masked in the report', async () => {
    // 24 birth dates and one that is no date: the suggestion types the column as a date, and the report quotes the bad one.
    const rows = Array.from({ length: 24 }, (_, i) => `${i + 1},${String(i + 1).padStart(2, '0')}/03/1990`);
    const path = written('dob.csv', `id,Ngày sinh\n${rows.join('\n')}\n25,31/02/1990\n`);
    const r = await cli(['validate', path, ...NOW, '--rename', 'Ngày sinh=d1', '--format', 'json']);
    const report = JSON.parse(r.stdout) as { rules: { id: string; samples: { value?: string }[] }[] };
    expect(report.rules.find((x) => x.id === 'd1.type')?.samples).toMatchObject([{ value: '**/**/****' }]);
    // The command that saves the same suggestion, its rename: block included.
    expect(r.stderr).toContain(`save it with ddss profile "${path}" --rename "Ngày sinh=d1" --format yaml --out FILE\n`);
  });
});
