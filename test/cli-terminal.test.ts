import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli, FIXTURES, NOW, scratch } from './fixtures/cli/harness.js';

// What a terminal acts on rather than shows: C0/C1 controls (ESC of ANSI and OSC sequences, CR, BEL), bidi
// embeddings, overrides and isolates (which reorder the line around them), and invisible format characters.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const ACTIVE = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/u;

let tmp: ReturnType<typeof scratch>;
beforeEach(() => { tmp = scratch(); });
afterEach(() => tmp.remove());

/** The fixture parcels with its header and first record changed, written to the scratch directory. */
function parcels(header: (h: string) => string, record: (r: string) => string = (r) => r): string {
  const [h = '', r = '', ...rest] = readFileSync(`${FIXTURES}/parcels.csv`, 'utf8').split('\n');
  const path = tmp.path('parcels.csv');
  writeFileSync(path, [header(h), record(r), ...rest].join('\n'));
  return path;
}

describe('nothing the CLI prints can drive the terminal', () => {
  it('a file name holding an OSC 52 clipboard write is shown escaped in "cannot read"', async () => {
    const r = await cli(['validate', 'gone\u001b]52;c;SGk=\u0007.csv', '--dataset', 'parcels.yaml', ...NOW]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('gone\\u001b]52;c;SGk=\\u0007.csv');
    expect(r.stderr).not.toMatch(ACTIVE);
  });

  it('a declared name holding CR, in a header note, is shown escaped on stderr', async () => {
    const def = tmp.path('d.yaml');
    writeFileSync(def, readFileSync(`${FIXTURES}/parcels.yaml`, 'utf8').replace('$schema: ../../../schema/dataset.schema.json\n', '')
      .replace('  area_m2:', '  "area_m2\\r":'));
    const r = await cli(['validate', parcels((h) => h), '--dataset', def, ...NOW]);
    expect(r.stderr).toContain('area_m2\\r');
    expect(r.stderr).not.toMatch(ACTIVE);
  });

  it('a near header name holding a bidi override is shown escaped in the --rename hint', async () => {
    const r = await cli(['validate', parcels((h) => h.replace('area_m2', 'Area M2\u202E')), '--dataset', 'parcels.yaml', ...NOW]);
    expect(r.stderr).toContain('--rename');
    expect(r.stderr).toContain('\\u202e');
    expect(r.stderr).not.toMatch(ACTIVE);
  });

  it('a --rename hint for such a name is one a shell reads back as the name ($\'…\'), and it reads the column', async () => {
    const input = parcels((h) => h.replace('area_m2', 'Area M2\u202E'));
    const r = await cli(['validate', input, '--dataset', 'parcels.yaml', ...NOW]);
    expect(r.stderr).toContain("--rename $'Area M2\\u202e=area_m2'");
    // What bash, zsh and ksh make of that word: the name with its U+202E.
    const renamed = await cli(['validate', input, '--dataset', 'parcels.yaml', ...NOW, '--rename', 'Area M2\u202E=area_m2', '--format', 'json']);
    expect(renamed.stderr).toBe('');
    expect((JSON.parse(renamed.stdout) as { rules: Array<{ id: string }> }).rules.map((x) => x.id)).not.toContain('source.missing_column');
  });

  it.each([['profile', []], ['profile', ['--show-values']]] as const)('%s text shows bidi overrides and zero-width characters of values escaped %j', async (command, extra) => {
    const input = parcels((h) => h, (r) => r.replace('P-001', 'P\u202E100-\u200B'));
    const r = await cli([command, input, ...NOW, ...extra]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('\\u202e');
    expect(r.stdout).not.toMatch(ACTIVE);
  });

  it('the fix summary shows output names holding ESC, BEL and U+202E escaped', async () => {
    const out = tmp.path('fixed\u001b[2J\u202E.csv');
    const log = tmp.path('log\u001b]52;c;SGk=\u0007.csv');
    const r = await cli(['fix', 'parcels.csv', '--dataset', 'parcels.yaml', ...NOW, '--out', out, '--log', log]);
    expect(r.stdout).toContain('fixed\\u001b[2J\\u202e.csv');
    expect(r.stdout).toContain('log\\u001b]52;c;SGk=\\u0007.csv');
    expect(r.stdout).not.toMatch(ACTIVE);
  });

  it('the console summary shows a definition title with a bidi override escaped', async () => {
    const def = tmp.path('d.yaml');
    writeFileSync(def, readFileSync(`${FIXTURES}/parcels.yaml`, 'utf8').replace('$schema: ../../../schema/dataset.schema.json\n', '')
      .replace('en: Land parcels', 'en: "Land \\u202Eparcels\\u200B"'));
    const r = await cli(['validate', 'parcels.csv', '--dataset', def, ...NOW]);
    expect(r.stdout).toContain('Land \\u202eparcels\\u200b');
    expect(r.stdout).not.toMatch(ACTIVE);
  });
});

describe('CSV files a clerk reads with cat show what would drive the terminal escaped', () => {
  // An OSC window title, a screen clear and a bidi override in a cell, with the surrounding space `trimmed` reports.
  const EVIL = 'a\u001b]0;PWNED\u0007\u001b[2J\u202eb';
  // What a CSV file may hold: tab, and a line break (LF, or CR before LF) inside a quoted cell or between records.
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  const ACTIVE_IN_CSV = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069]|\r(?!\n)/u;
  const ESCAPED = 'a\\u001b]0;PWNED\\u0007\\u001b[2J\\u202eb';
  beforeEach(() => {
    writeFileSync(tmp.path('d.yaml'), 'name: notes\nkey: id\nfields:\n  id: { type: text, required: true }\n  note: { type: text, trimmed: true }\n');
    writeFileSync(tmp.path('in.csv'), `id,note\n1,"${EVIL} "\n2,plain\n`);
    writeFileSync(tmp.path('copy.csv'), `id,note\n1,"${EVIL}!"\n2,plain\n`);
  });
  /** The file without its byte-order mark (written as `\uFEFF`, which is no escape). */
  const read = (name: string): string => readFileSync(tmp.path(name), 'utf8').replace(/^\uFEFF/, '');

  it('validate --violations: every cell quoting the value is escaped, and the file reads back as a baseline', async () => {
    expect((await cli(['validate', tmp.path('in.csv'), '--dataset', tmp.path('d.yaml'), ...NOW, '--violations', tmp.path('v.csv')])).code).toBe(1);
    expect(read('v.csv')).not.toMatch(ACTIVE_IN_CSV);
    expect(read('v.csv')).toContain(ESCAPED);
    const again = await cli(['validate', tmp.path('in.csv'), '--dataset', tmp.path('d.yaml'), ...NOW, '--baseline', tmp.path('v.csv'), '--format', 'json']);
    expect([again.code, (JSON.parse(again.stdout) as { baseline: { new: number } }).baseline.new]).toEqual([0, 0]);
  });

  it('compare --changes: the source and copy cells are escaped', async () => {
    expect((await cli(['compare', tmp.path('in.csv'), tmp.path('copy.csv'), '--key', 'id', '--changes', tmp.path('ch.csv')])).code).toBe(1);
    expect(read('ch.csv')).not.toMatch(ACTIVE_IN_CSV);
    expect(read('ch.csv')).toContain(`${ESCAPED}!`);
  });

  it('fix --log: before and after are escaped; the fixed file keeps the data as it is', async () => {
    await cli(['fix', tmp.path('in.csv'), '--dataset', tmp.path('d.yaml'), ...NOW, '--out', tmp.path('out.csv'), '--log', tmp.path('log.csv')]);
    expect(read('log.csv')).not.toMatch(ACTIVE_IN_CSV);
    expect(read('log.csv')).toContain(`"${ESCAPED} ",${ESCAPED}`);
    expect(read('out.csv')).toBe(`id,note\n1,"${EVIL}"\n2,plain\n`);
  });
});
