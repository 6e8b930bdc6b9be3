import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli, NOW, scratch } from './fixtures/cli/harness.js';

let tmp: ReturnType<typeof scratch>;
beforeEach(() => { tmp = scratch(); });
afterEach(() => tmp.remove());

// Agencies' exports have Vietnamese headers ("Số CCCD", "Mã xã") over the built-in registers' field names: a
// definition that extends the built-in says so once, in `rename:`, instead of --rename on every run.
const land = readFileSync(new URL('../examples/land/parcels.csv', import.meta.url), 'utf8');
const header = land.slice(0, land.indexOf('\n'));
const body = land.slice(header.length + 1).split('\n').slice(0, 300).join('\n');
const DEFINITION = 'extends: land-parcels\nrename:\n  Số CCCD: owner_id\n  Mã xã: commune_code\n';
type Json = { status: string; rows: number; rules: { id: string; failed: number }[]; source: Record<string, unknown> };
const comparable = (stdout: string) => {
  const r = JSON.parse(stdout) as Json;
  return { ...r, source: { ...r.source, name: 'x', bytes: 0 } };
};
const failed = (stdout: string, id: string) => (JSON.parse(stdout) as Json).rules.find((r) => r.id === id)?.failed ?? 0;

/** The export with these header cells in place of the fields' names, and the definition beside it. */
function files(names: Readonly<Record<string, string>>, extra = ''): { csv: string; yaml: string } {
  let h = header;
  for (const [field, name] of Object.entries(names)) h = h.replace(field, name);
  const csv = tmp.path('export.csv');
  writeFileSync(csv, `${h}${extra === '' ? '' : `,${extra}`}\n${body.split('\n').map((l) => (extra === '' ? l : `${l},x`)).join('\n')}\n`);
  const yaml = tmp.path('vi.yaml');
  writeFileSync(yaml, DEFINITION);
  return { csv, yaml };
}

describe('rename: in a YAML definition', () => {
  it('reads the renamed headers as the fields (written decomposed, after a space), and the fields\' own names too', async () => {
    const plain = files({});
    const original = await cli(['validate', plain.csv, '--dataset', 'land-parcels', ...NOW, '--format', 'json']);
    const own = await cli(['validate', plain.csv, '--dataset', plain.yaml, ...NOW, '--format', 'json']);
    const { csv, yaml } = files({ owner_id: 'Số CCCD', commune_code: ` ${'Mã xã'.normalize('NFD')}` });
    const violations = tmp.path('v.csv');
    const vi = await cli(['validate', csv, '--dataset', yaml, ...NOW, '--format', 'json', '--violations', violations]);
    expect(vi.stderr).toBe('');
    expect([vi.code, own.code]).toEqual([original.code, original.code]);
    expect(comparable(vi.stdout)).toEqual(comparable(original.stdout));
    expect(comparable(own.stdout)).toEqual(comparable(original.stdout));
    // Violations name the field, as with --rename.
    expect(readFileSync(violations, 'utf8')).toMatch(/,owner_id,/);
    expect(readFileSync(violations, 'utf8')).not.toContain('Số CCCD');
  });

  it('a file with both the renamed header and the field\'s name names the field twice, as --rename does, and says why', async () => {
    const { csv, yaml } = files({ owner_id: 'Số CCCD' }, 'owner_id');
    const byYaml = await cli(['validate', csv, '--dataset', yaml, ...NOW, '--format', 'json']);
    const byFlag = await cli(['validate', csv, '--dataset', 'land-parcels', ...NOW, '--format', 'json', '--rename', 'Số CCCD=owner_id']);
    expect(comparable(byYaml.stdout)).toEqual(comparable(byFlag.stdout));
    expect([byYaml.code, failed(byYaml.stdout, 'source.duplicate_header')]).toEqual([1, 1]);
    expect(byYaml.stderr).toBe('ddss: the header names owner_id twice: a column "Số CCCD", read as owner_id by the definition\'s ' +
      'rename:, and a column owner_id itself; the field is read from the first of them (source.duplicate_header): remove one ' +
      'from the file, or read the other under a name of its own with --rename\n');
    expect(byFlag.stderr).toContain('read as owner_id by --rename "Số CCCD=owner_id", and a column owner_id itself');
  });

  it.each([
    ['neither name', 'So CMND', 'owner_id (nor "Số CCCD", its rename: in the definition) (source.missing_column); ' +
      'read a column as a field with --rename "COLUMN=FIELD"'],
    ['a header near the renamed one', 'So CCCD', 'owner_id (nor "Số CCCD", its rename: in the definition; the header has ' +
      '"So CCCD") (source.missing_column); read it as the declared name with --rename "So CCCD=owner_id"'],
  ])('the missing-column line names the rename when the file has %s', async (_, name, line) => {
    const { csv, yaml } = files({ owner_id: name });
    const r = await cli(['validate', csv, '--dataset', yaml, ...NOW]);
    expect(r.stderr).toBe(`ddss: 1 declared column is not in the header: ${line}\n`);
  });

  it('--rename composes with it, and wins for the same field', async () => {
    const { csv, yaml } = files({ owner_id: 'Số CCCD', parcel_id: 'Mã thửa' }, 'CCCD');
    const r = await cli(['validate', csv, '--dataset', yaml, ...NOW, '--format', 'json', '--rename', 'Mã thửa=parcel_id', '--rename', 'CCCD=owner_id']);
    // owner_id is read from CCCD; "Số CCCD" is then a column the definition does not declare, not a second owner_id.
    expect([failed(r.stdout, 'source.missing_column'), failed(r.stdout, 'source.duplicate_header'), failed(r.stdout, 'source.unexpected_column')])
      .toEqual([0, 0, 1]);
  });

  it.each([
    ['a field the definition does not have', 'extends: land-parcels\nrename:\n  Số CCCD: owner_idd\n',
      'rename["Số CCCD"]: reads the column as "owner_idd", which is not a field (did you mean "owner_id"?)'],
    ['two headers read as one field', 'extends: land-parcels\nrename:\n  Số CCCD: owner_id\n  CCCD: owner_id\n',
      'rename.CCCD: and "Số CCCD" are both read as "owner_id": a field is read from one column'],
  ])('refuses %s when the definition is built (exit 2)', async (_, text, why) => {
    const { csv, yaml } = files({});
    writeFileSync(yaml, text);
    expect(await cli(['validate', csv, '--dataset', yaml, ...NOW])).toMatchObject({ code: 2, stdout: '',
      stderr: `ddss: bad dataset definition vi.yaml: ${why}\n` });
  });
});
