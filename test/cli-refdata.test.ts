import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli, scratch } from './fixtures/cli/harness.js';

let tmp: ReturnType<typeof scratch>;
beforeEach(() => { tmp = scratch(); });
afterEach(() => tmp.remove());

const DATED = ['--scheme', '2008-08-01', '--valid-from', '2008-08-01', '--source', 'fixture'];

interface Table { version: string; validFrom: string; source: string; entries: { code: string; province: string }[] }

describe('ddss refdata import', () => {
  it('converts a CSV commune list to the dated JSON table on stdout', async () => {
    const r = await cli(['refdata', 'import', 'communes.csv', ...DATED]);
    expect(r.code).toBe(0);
    const table = JSON.parse(r.stdout) as Table;
    expect(table).toMatchObject({ version: '2008-08-01', validFrom: '2008-08-01', source: 'fixture' });
    // Codes that lost their leading zeros in a spreadsheet are padded back.
    expect(table.entries.map((e) => [e.code, e.province])).toEqual([['00001', '01'], ['00004', '01']]);
  });

  it('writes --out, and refuses to overwrite it without --force', async () => {
    const out = tmp.path('communes.json');
    expect((await cli(['refdata', 'import', 'communes.csv', ...DATED, '--out', out])).code).toBe(0);
    const first = readFileSync(out, 'utf8');
    expect((JSON.parse(first) as Table).entries).toHaveLength(2);
    writeFileSync(out, 'precious');
    const again = await cli(['refdata', 'import', 'communes.csv', ...DATED, '--out', out]);
    expect(again.code).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('precious');
    expect((await cli(['refdata', 'import', 'communes.csv', ...DATED, '--out', out, '--force'])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(first);
  });

  it.each([
    ['no subcommand', ['refdata'], 2, /refdata needs a subcommand: import/],
    ['an unknown subcommand', ['refdata', 'export', 'x.csv'], 2, /unknown refdata subcommand "export"/],
    ['no file', ['refdata', 'import'], 2, /refdata import needs a <file>/],
    ['a CSV without dates', ['refdata', 'import', 'communes.csv'], 2, /a CSV list needs --scheme, --valid-from and --source/],
    ['a bad --valid-from', ['refdata', 'import', 'communes.csv', ...DATED, '--valid-from', '1/8/2008'], 2, /--valid-from must be a date yyyy-MM-dd/],
    ['a bad --column', ['refdata', 'import', 'communes.csv', ...DATED, '--column', 'zip=Mã'], 2, /--column must be key=Header/],
    ['a missing file', ['refdata', 'import', 'nope.csv', ...DATED], 3, /cannot import "nope\.csv": file not found/],
    ['a malformed list', ['refdata', 'import', 'communes-duplicate.csv', ...DATED], 3, /cannot import "communes-duplicate\.csv": line 3: commune code 00001 appears twice/],
  ])('%s → exit %i', async (_what, args, code, message) => {
    const r = await cli(args);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(/^ddss: [^\n]+\n$/);
    expect(r.stderr).toMatch(message);
  });
});
