import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli, NOW, scratch } from './fixtures/cli/harness.js';
import { removeWorkbooks, writeWorkbook } from './_workbook.js';

let tmp: ReturnType<typeof scratch>;
beforeEach(() => { tmp = scratch(); });
afterEach(() => tmp.remove());
afterAll(() => removeWorkbooks());

// A file whose header is in Vietnamese (Mã thửa, Số CCCD) over a definition with other names could not be validated
// from the command line: every such field was "missing", and only code could rename the columns.
const parcels = readFileSync(new URL('./fixtures/cli/parcels.csv', import.meta.url), 'utf8');
const vietnamese = parcels.replace('parcel_id', 'Mã thửa').replace('owner_id', 'Số CCCD');
const RENAME = ['--rename', 'Mã thửa=parcel_id', '--rename', 'Số CCCD=owner_id'];
type Json = { status: string; rows: number; rules: { id: string; failed: number }[] };
const comparable = (stdout: string) => {
  const r = JSON.parse(stdout) as Json & { source: Record<string, unknown> };
  return { ...r, source: { ...r.source, name: 'x', bytes: 0 } };
};

describe('--rename COLUMN=FIELD', () => {
  it('reads the header columns as the fields: the report of the file with the definition\'s names', async () => {
    const path = tmp.path('vi.csv');
    writeFileSync(path, vietnamese);
    const before = await cli(['validate', path, '--dataset', 'parcels.yaml', ...NOW]);
    expect(before.stderr).toContain('ddss: 2 declared columns are not in the header: parcel_id, owner_id (source.missing_column); ' +
      'read a column as a field with --rename "COLUMN=FIELD"\n');
    const renamed = await cli(['validate', path, '--dataset', 'parcels.yaml', ...NOW, ...RENAME, '--format', 'json']);
    const original = await cli(['validate', 'parcels.csv', '--dataset', 'parcels.yaml', ...NOW, '--format', 'json']);
    expect(renamed.code).toBe(original.code);
    expect(comparable(renamed.stdout)).toEqual(comparable(original.stdout));
  });

  it('reads a workbook\'s header row the same way', async () => {
    const rows = vietnamese.trimEnd().split('\n').map((l) => l.split(','));
    const book = await writeWorkbook((wb) => wb.addWorksheet('S').addRows(rows));
    const r = await cli(['validate', book, '--dataset', 'parcels.yaml', ...NOW, ...RENAME, '--format', 'json']);
    const report = JSON.parse(r.stdout) as Json;
    expect(report.rows).toBe(rows.length - 1);
    expect(report.rules.find((x) => x.id === 'source.missing_column')?.failed ?? 0).toBe(0);
  });

  it.each([
    [['--rename', 'Mã thửa'], 'ddss: --rename takes COLUMN=FIELD (the header\'s name, then the field\'s), got "Mã thửa"\n'],
    [['--rename', '=parcel_id'], 'ddss: --rename takes COLUMN=FIELD (the header\'s name, then the field\'s), got "=parcel_id"\n'],
    [['--rename', 'a=x', '--rename', 'a=y'], 'ddss: --rename names the column "a" twice\n'],
    [['--rename', 'a=x', '--rename', 'b=x'], 'ddss: --rename reads two columns as the field "x"\n'],
    [['--rename', 'a=x', '--rename', ' a=y'], 'ddss: --rename names the column " a" twice\n'],
  ])('%j is a usage error', async (flags, stderr) => {
    expect(await cli(['validate', 'parcels.csv', '--dataset', 'parcels.yaml', ...NOW, ...flags])).toMatchObject({ code: 2, stderr });
  });

  it('finds a column written with decomposed accents or spaces around it, as the definition\'s rename: does', async () => {
    const path = tmp.path('nfd.csv');
    writeFileSync(path, parcels.replace('parcel_id', 'Mã thửa'.normalize('NFD')).replace('owner_id', ' Số CCCD'));
    const r = await cli(['validate', path, '--dataset', 'parcels.yaml', ...NOW, ...RENAME, '--format', 'json']);
    const original = await cli(['validate', 'parcels.csv', '--dataset', 'parcels.yaml', ...NOW, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(comparable(r.stdout)).toEqual(comparable(original.stdout));
  });

  // A typo on the field's side was taken: the column was read as an undeclared one, the field meant was "missing",
  // and the hint said to give the --rename that had been given. A definition's rename: refuses the same typo.
  it.each([['validate'], ['fix']])('%s refuses a field the definition does not have, naming the nearest, before reading', async (command) => {
    const path = tmp.path('vi.csv');
    writeFileSync(path, vietnamese);
    const r = await cli([command, path, '--dataset', 'parcels.yaml', ...NOW, '--rename', 'Mã thửa=parcel_id', '--rename', 'Số CCCD=owner_idd',
      ...(command === 'fix' ? ['--out', tmp.path('f.csv')] : [])]);
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'ddss: --rename "Số CCCD=owner_idd" reads the column as "owner_idd", which is not a ' +
      'field of dataset "parcels" (did you mean "owner_id"?)\n' });
  });

  it('refuses a column the header does not have, before reading (it would rename nothing)', async () => {
    const path = tmp.path('vi.csv');
    writeFileSync(path, vietnamese);
    const r = await cli(['validate', path, '--dataset', 'parcels.yaml', ...NOW, '--rename', 'Ma thua=parcel_id', '--rename', 'Số CCCD=owner_id']);
    expect(r).toMatchObject({ code: 2, stdout: '', stderr: 'ddss: --rename names "Ma thua", which the header does not have ' +
      '(its columns: Mã thửa, Số CCCD, owner_name, area_m2, issued_on)\n' });
  });

  it('lists a workbook\'s header as it is when refusing a column it does not have (it listed hundreds of empty columns)', async () => {
    const book = await writeWorkbook((wb) => { wb.addWorksheet('S').addRows([['Mã thửa', 'Số CCCD', 'area_m2'], ['P1', '001089012345', 5]]); });
    const r = await cli(['validate', book, '--dataset', 'parcels.yaml', ...NOW, '--rename', 'Ma thua=parcel_id']);
    expect(r).toMatchObject({ code: 2, stdout: '', stderr: 'ddss: --rename names "Ma thua", which the header does not have ' +
      '(its columns: Mã thửa, Số CCCD, area_m2)\n' });
  });

  it('ddss merge does not point to --rename, which it does not take (the shards do)', async () => {
    const path = tmp.path('vi.csv');
    writeFileSync(path, vietnamese);
    const states = [1, 2].map((k) => tmp.path(`p${k}.ddss-state`));
    for (const [k, state] of states.entries()) {
      await cli(['validate', path, '--dataset', 'parcels.yaml', ...NOW, '--shard', `${k + 1}/2`, '--state-out', state]);
    }
    const merged = await cli(['merge', ...states]);
    expect(merged.stderr).toContain('ddss: 2 declared columns are not in the header: parcel_id, owner_id (source.missing_column)\n');
    expect(merged.stderr).not.toContain('--rename');
  });

  it('--workers 2 reads a renamed file in two threads, with the report and violations of one, a repeated header included', async () => {
    // A renamed file was read by one thread whatever --workers said. Over 8 MiB (4 MiB per worker at least), the
    // header as written repeated in the second half (two exports joined with cat).
    const land = readFileSync(new URL('../examples/land/parcels.csv', import.meta.url), 'utf8');
    const header = land.slice(0, land.indexOf('\n') + 1).replace(',owner_id,', ',Owner ID,');
    const body = land.slice(land.indexOf('\n') + 1);
    const path = tmp.path('big.csv');
    writeFileSync(path, header + body.repeat(11) + header + body.repeat(11));
    expect(statSync(path).size).toBeGreaterThan(8 * 1024 * 1024);
    const runs = await Promise.all([1, 2].map(async (workers) => {
      const violations = tmp.path(`v${workers}.csv`);
      const r = await cli(['validate', path, '--dataset', 'land-parcels', ...NOW, '--rename', 'Owner ID=owner_id', '--format', 'json',
        '--timings', '--workers', String(workers), '--violations', violations]);
      const { timings, ...report } = JSON.parse(r.stdout) as { timings: { threads: number }; rules: { id: string; failed: number }[] };
      return { code: r.code, stderr: r.stderr, threads: timings.threads, report, violations: readFileSync(violations, 'utf8') };
    }));
    const [one, two] = runs as [typeof runs[0], typeof runs[0]];
    expect([one.threads, two.threads]).toEqual([1, 2]);
    expect(two.stderr).toBe(one.stderr);
    expect(two.code).toBe(one.code);
    expect(JSON.stringify(two.report)).toBe(JSON.stringify(one.report));
    expect(two.violations).toBe(one.violations);
    expect(one.report.rules.find((x) => x.id === 'source.repeated_header')?.failed).toBe(1);
    expect(one.report.rules.find((x) => x.id === 'source.missing_column')).toBeUndefined();
  }, 180_000);

  it('is for CSV and workbooks: JSON records are keyed by their own names', async () => {
    expect(await cli(['validate', 'parcels.ndjson', '--dataset', 'parcels.yaml', ...NOW, '--rename', 'a=b'])).toMatchObject({
      code: 2, stderr: 'ddss: --rename applies to CSV and .xlsx input, not ndjson (a JSON record\'s keys are its columns)\n' });
  });
});

describe('a header cell that is a declared name but for its form is read as the field, and said', () => {
  // Before: exit 3, "Mã thửa (the header has "Mã thửa", which is it but for …)": the field was missing, every row with it.
  it.each([
    ['its accents decomposed (NFD)', 'Mã thửa'.normalize('NFD'), 'NFD'],
    ['a no-break space after it', 'Mã thửa\u00A0', 'spaces'],
    ['a no-break space inside it', 'Mã\u00A0thửa', 'NBSP'],
  ])('%s', async (_, cell, form) => {
    const definition = tmp.path('vn.yaml');
    writeFileSync(definition, 'name: vn\nfields:\n  Mã thửa: { type: text, required: true }\n  area: { type: number }\n');
    const path = tmp.path('vn.csv');
    writeFileSync(path, `${cell},area\nA1,10\nA2,20\n`);
    const r = await cli(['validate', path, '--dataset', definition, ...NOW]);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('source.missing_column');
    expect(r.stderr).toContain(`ddss: 1 header cell is a declared name written in another form, read as it: Mã thửa (${form}) (source.header_form;`);
  });

  it('JSON keys are matched as written: a decomposed key is still a missing column, and the hint says what differs', async () => {
    const definition = tmp.path('vn.yaml');
    writeFileSync(definition, 'name: vn\nfields:\n  Mã thửa: { type: text, required: true }\n  area: { type: number }\n');
    const path = tmp.path('vn.json');
    const cell = 'Mã thửa'.normalize('NFD');
    writeFileSync(path, JSON.stringify([{ [cell]: 'A1', area: 10 }]));
    const r = await cli(['validate', path, '--dataset', definition, ...NOW]);
    expect(r.stderr).toContain(`ddss: 1 declared column is a key of no record: Mã thửa (the records have "${cell}", which is it but for ` +
      'its accents written decomposed (Unicode NFD)) (source.missing_column)');
  });
});
