import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { parse as parseYaml } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import addFormatsImport from 'ajv-formats';
import { cli, NOW, scratch } from './fixtures/cli/harness.js';

const addFormats = ((addFormatsImport as unknown as { default?: unknown }).default ?? addFormatsImport) as (ajv: Ajv) => Ajv;
const reportSchema = JSON.parse(readFileSync(new URL('../schema/report.schema.json', import.meta.url), 'utf8')) as object;
const ajv = new Ajv({ allErrors: true, strict: true });
addFormats(ajv);
const checkReport = ajv.compile(reportSchema);

let tmp: ReturnType<typeof scratch>;
beforeEach(() => { tmp = scratch(); });
afterEach(() => tmp.remove());

/** The parcels definition with every failing rule turned into a warning. */
function warningsOnly(): string {
  const path = tmp.path('warn.yaml');
  writeFileSync(path, `name: parcels
key: parcel_id
fields:
  parcel_id: { type: text, required: true, unique: true }
  owner_id: { type: text, pii: true, pattern: { value: '^\\d{12}$', severity: warning } }
  owner_name: { type: text, pii: true, trimmed: { severity: warning } }
  area_m2: { type: number, typeCheck: { severity: warning }, min: { value: 0, exclusive: true, severity: warning } }
  issued_on: { type: date, format: dd/MM/yyyy, notInFuture: { severity: warning } }
`);
  return path;
}

interface JsonReport { status: string; partial: boolean; rows: number; score: number | null; rules: { id: string; status: string; violations: number }[] }

describe('ddss validate: exit codes (DESIGN §7)', () => {
  it.each([
    ['passed', 0, () => ['parcels-ok.csv', '--dataset', 'parcels.yaml']],
    ['warned', 0, () => ['parcels.csv', '--dataset', warningsOnly()]],
    ['failed', 1, () => ['parcels.csv', '--dataset', 'parcels.yaml']],
    ['failed', 1, () => ['parcels.csv', '--dataset', warningsOnly(), '--fail-under', '0.99']],
    ['passed', 0, () => ['parcels-ok.csv', '--dataset', 'parcels.yaml', '--fail-under', '1']],
    ['error', 3, () => ['broken.json', '--dataset', 'parcels.yaml']],
    ['error', 3, () => ['parcels.csv', '--dataset', 'throws.def.ts']],
  ])('status %s → exit %i (%#)', async (status, code, args) => {
    const r = await cli(['validate', ...args(), ...NOW, '--format', 'json']);
    expect(r.code).toBe(code);
    expect((JSON.parse(r.stdout) as JsonReport).status).toBe(status);
  });

  it('a missing input is exit 3 and one line in words, not a report of 0 rows (nor Node\'s ENOENT)', async () => {
    // Before: a whole "could not evaluate" report of 0 rows on stdout, and on stderr "could not read no-such-file.csv
    // after 0 bytes: ENOENT: no such file or directory, open '…'".
    const r = await cli(['validate', 'no-such-file.csv', '--dataset', 'parcels.yaml', ...NOW, '--format', 'json']);
    expect([r.code, r.stdout, r.stderr]).toEqual([3, '', 'ddss: cannot read "no-such-file.csv": file not found\n']);
  });

  it('explains an unreadable input on stderr and still writes the partial report', async () => {
    const r = await cli(['validate', 'broken.json', '--dataset', 'parcels.yaml', ...NOW, '--format', 'json']);
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.partial).toBe(true);
    expect(r.stderr).toMatch(/^ddss: could not read the whole input: .+\n$/);
  });

  it('says a compressed file is one, with what to do, instead of validating its bytes as rows (1 and 2 threads)', async () => {
    // Before: a gzip export named .csv was "1,044 rows", "none of the declared fields is a column", and hints to
    // declare --delimiter ';' and a legacy encoding. Over 9 MiB, so two workers may split it.
    const gz = tmp.path('export.csv');
    writeFileSync(gz, gzipSync(randomBytes(9 << 20), { level: 1 }));
    const runs = await Promise.all(['1', '2'].map((w) => cli(['validate', gz, '--dataset', 'parcels.yaml', ...NOW, '--format', 'json', '--workers', w])));
    for (const r of runs) {
      expect(r.code).toBe(3);
      expect(r.stderr).toBe('ddss: could not read the whole input: the input is gzip data, not text: decompress it first ' +
        '(gunzip, or `zcat FILE | ddss validate - …`)\n');
      expect(JSON.parse(r.stdout)).toMatchObject({ status: 'error', rows: 0, partial: true });
    }
    expect(runs[1]?.stdout).toBe(runs[0]?.stdout);
  }, 60_000);

  it('tells shards and their merge of a gzip file to gunzip it, not to pipe it into `ddss validate -` (which a shard cannot read)', async () => {
    const gz = tmp.path('export-shards.csv');
    writeFileSync(gz, gzipSync(randomBytes(1 << 16), { level: 1 }));
    const states = [1, 2].map((k) => tmp.path(`gz-${k}.ddss-state`));
    const first = await cli(['validate', gz, '--dataset', 'parcels.yaml', ...NOW, '--shard', '1/2', '--state-out', states[0] as string]);
    expect(first.code).toBe(3);
    expect(first.stderr).toMatch(/could not read its part completely: the input is gzip data, not text: decompress it first \(gunzip\)\n$/);
    await cli(['validate', gz, '--dataset', 'parcels.yaml', ...NOW, '--shard', '2/2', '--state-out', states[1] as string]);
    const merged = await cli(['merge', ...states]);
    expect(merged.code).toBe(3);
    expect(merged.stderr).toContain('ddss: could not read the whole input: the input is gzip data, not text: decompress it first (gunzip)\n');
  }, 60_000);

  it('names the rule that threw on stderr', async () => {
    const r = await cli(['validate', 'parcels.csv', '--dataset', 'throws.def.ts', ...NOW]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^ddss: rule "owner_id\.explodes" could not run: /);
  });

  it('--workers 2 splits a large file across threads and reports exactly what one thread reports', async () => {
    // Over 8 MiB, so two workers each get their 4 MiB minimum.
    const lines = readFileSync(new URL('./fixtures/cli/parcels.csv', import.meta.url), 'utf8').trimEnd().split('\n');
    const body = lines.slice(1).join('\n');
    const big = tmp.path('big.csv');
    writeFileSync(big, `${lines[0]}\n${Array.from({ length: Math.ceil((9 << 20) / body.length) }, () => body).join('\n')}\n`);
    const one = await cli(['validate', big, '--dataset', 'parcels.yaml', ...NOW, '--format', 'json', '--workers', '1']);
    const two = await cli(['validate', big, '--dataset', 'parcels.yaml', ...NOW, '--format', 'json', '--workers', '2']);
    expect(two.code).toBe(one.code);
    expect(two.stdout).toBe(one.stdout);
    expect((JSON.parse(one.stdout) as JsonReport).rows).toBeGreaterThan(100_000);
  }, 120_000);
});

describe('ddss validate: encodings', () => {
  const tcvn3 = new URL('../examples/broken/parcels-tcvn3.csv', import.meta.url).pathname;
  it('suggests declaring a legacy encoding when a file is not UTF-8, and reads it cleanly once declared', async () => {
    const wrong = await cli(['validate', tcvn3, '--dataset', 'land-parcels', ...NOW]);
    expect(wrong.stderr).toContain('--encoding tcvn3');
    const right = await cli(['validate', tcvn3, '--dataset', 'land-parcels', ...NOW, '--encoding', 'tcvn3', '--format', 'json']);
    expect(right.stderr).not.toContain('--encoding');
    expect((JSON.parse(right.stdout) as JsonReport).rules.some((r) => r.id === 'source.invalid_encoding')).toBe(false);
  });

  // Issue 13: a UTF-8 file declared tcvn3 lost its score silently; a UTF-16 BE file got a hint naming tcvn3, vni or
  // windows-1258; a UTF-16 LE file without BOM got none.
  const ok = readFileSync(new URL('./fixtures/cli/parcels-ok.csv', import.meta.url), 'utf8');
  it.each([
    ['UTF-8 declared tcvn3', () => Buffer.from(ok), ['--encoding', 'tcvn3'],
      'ddss: the file looks like UTF-8, not tcvn3 as declared: its bytes are valid UTF-8 with'],
    ['UTF-16 BE with its BOM declared tcvn3', () => Buffer.concat([Buffer.of(0xfe, 0xff), Buffer.from(ok, 'utf16le').swap16()]),
      ['--encoding', 'tcvn3'], 'ddss: the file looks like UTF-16 BE, not tcvn3 as declared: it starts with the UTF-16 BE byte order mark'],
    ['UTF-16 LE without BOM', () => Buffer.from(ok, 'utf16le'), [],
      'ddss: the file looks like UTF-16 LE, not utf8 as declared: every other byte is zero, as in UTF-16 text'],
  ])('%s: a one-line hint naming what the file looks like, and the finding', async (_name, bytes, flags, hint) => {
    const input = tmp.path('input.csv');
    writeFileSync(input, bytes());
    const r = await cli(['validate', input, '--dataset', 'parcels.yaml', ...NOW, '--format', 'json', ...flags]);
    const lines = r.stderr.split('\n').filter((l) => l.includes('--encoding'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(hint);
    expect(lines[0]).toMatch(/; declare --encoding utf(8|16le|16be)$/);
    expect(r.stderr).not.toContain('tcvn3, vni or windows-1258');
    const rule = (JSON.parse(r.stdout) as JsonReport).rules.find((x) => x.id === 'source.encoding_mismatch');
    expect(rule?.violations).toBe(1);
  });

  it('reads a UTF-16 BE file with its BOM as UTF-16 BE, with no hint', async () => {
    const input = tmp.path('be.csv');
    writeFileSync(input, Buffer.concat([Buffer.of(0xfe, 0xff), Buffer.from(ok, 'utf16le').swap16()]));
    const r = await cli(['validate', input, '--dataset', 'parcels.yaml', ...NOW]);
    expect([r.code, r.stderr]).toEqual([0, '']);
  });
});

describe('ddss validate: formats', () => {
  it('--format json is the report JSON of schema/report.schema.json, byte-identical across runs', async () => {
    const a = await cli(['validate', 'parcels.csv', '--dataset', 'parcels.yaml', ...NOW, '--format', 'json']);
    const b = await cli(['validate', 'parcels.csv', '--dataset', 'parcels.yaml', ...NOW, '--format', 'json']);
    const json = JSON.parse(a.stdout) as JsonReport;
    expect(checkReport(json), ajv.errorsText(checkReport.errors)).toBe(true);
    expect(a.stdout).toBe(b.stdout);
    expect(json.rules.find((x) => x.id === 'area_m2.min')?.status).toBe('failed');
  });

  it.each([
    ['text', /^Land parcels \(parcels\) — /],
    ['html', /^<!DOCTYPE html>/i],
    ['junit', /^<\?xml /],
    ['md', /^## /],
  ])('--format %s', async (format, start) => {
    const r = await cli(['validate', 'parcels.csv', '--dataset', 'parcels.yaml', ...NOW, '--format', format]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(start);
    expect(r.stderr).toBe('');
  });

  it('reads NDJSON by extension, and CSV with --input-format for other names', async () => {
    const nd = await cli(['validate', 'parcels.ndjson', '--dataset', 'parcels.yaml', ...NOW, '--format', 'json']);
    expect((JSON.parse(nd.stdout) as { source: { kind: string } }).source.kind).toBe('ndjson');
    const copy = tmp.path('parcels.dat');
    writeFileSync(copy, readFileSync(new URL('./fixtures/cli/parcels.csv', import.meta.url)));
    const csv = await cli(['validate', copy, '--dataset', 'parcels.yaml', ...NOW, '--format', 'json', '--input-format', 'csv']);
    expect(csv.code).toBe(1);
    expect((JSON.parse(csv.stdout) as { rows: number }).rows).toBe(4);
  });
});

describe('ddss validate: --out and --violations', () => {
  it('writes --out, prints the summary, and refuses to overwrite without --force', async () => {
    const out = tmp.path('report.html');
    const first = await cli(['validate', 'parcels.csv', '--dataset', 'parcels.yaml', ...NOW, '--format', 'html', '--out', out]);
    expect(first.code).toBe(1);
    expect(readFileSync(out, 'utf8')).toMatch(/^<!DOCTYPE html>/i);
    expect(first.stdout).toMatch(/^Land parcels \(parcels\) — /);

    writeFileSync(out, 'precious');
    const again = await cli(['validate', 'parcels.csv', '--dataset', 'parcels.yaml', ...NOW, '--format', 'html', '--out', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/^ddss: refusing to overwrite existing ".*report\.html" \(--out\); use --force to replace it\n$/);
    expect(readFileSync(out, 'utf8')).toBe('precious');

    const forced = await cli(['validate', 'parcels.csv', '--dataset', 'parcels.yaml', ...NOW, '--format', 'html', '--out', out, '--force']);
    expect(forced.code).toBe(1);
    expect(readFileSync(out, 'utf8')).toMatch(/^<!DOCTYPE html>/i);
  });

  it('never replaces a device, a named pipe or a symbolic link, even with --force; a linked --history is appended to', async () => {
    // --force renamed the finished file over the name: /dev/null became a regular file, a link lost its target.
    const { execFileSync } = await import('node:child_process');
    const { lstatSync, symlinkSync } = await import('node:fs');
    const target = tmp.path('target.html');
    writeFileSync(target, 'precious');
    const link = tmp.path('link.html');
    symlinkSync(target, link);
    const fifo = tmp.path('pipe.html');
    execFileSync('mkfifo', [fifo]);
    // No device here: a regression would replace the machine's /dev/null (devices are checked by the same test).
    for (const [name, kind] of [[link, 'a symbolic link'], [fifo, 'a named pipe']] as const) {
      const r = await cli(['validate', 'parcels.csv', '--dataset', 'parcels.yaml', ...NOW, '--format', 'html', '--out', name, '--force']);
      expect([r.code, r.stdout]).toEqual([2, '']);
      expect(r.stderr).toBe(`ddss: --out "${name}" is ${kind}, not a file: ddss writes its outputs as files and will not replace it ` +
        '(name a file, or leave --out out to write to standard output)\n');
    }
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe('precious');
    const history = tmp.path('history.ndjson');
    writeFileSync(history, '');
    const linked = tmp.path('history-link.ndjson');
    symlinkSync(history, linked);
    const h = await cli(['validate', 'parcels.csv', '--dataset', 'parcels.yaml', ...NOW, '--history', linked]);
    expect(h.code).toBe(1);
    expect(readFileSync(history, 'utf8').split('\n')).toHaveLength(2);
  });

  it('never writes over the definition or the --baseline file, even with --force', async () => {
    // --out parcels.yaml --force replaced the definition with the report.
    const def = tmp.path('def.yaml');
    writeFileSync(def, readFileSync(new URL('./fixtures/cli/parcels.yaml', import.meta.url)));
    const before = readFileSync(def, 'utf8');
    // --out: a JSON definition, since an --out named .yaml is refused for its name first (with --format too).
    const json = tmp.path('def.json');
    writeFileSync(json, JSON.stringify(parseYaml(before)));
    for (const [flag, file] of [['--out', json], ['--history', def]] as const) {
      const r = await cli(['validate', 'parcels.csv', '--dataset', file, ...NOW, '--format', 'json', flag, file, '--force']);
      expect([r.code, r.stdout]).toEqual([2, '']);
      expect(r.stderr).toMatch(/is the definition file, which this run reads; refusing to write over it/);
    }
    expect([readFileSync(def, 'utf8'), readFileSync(json, 'utf8')]).toEqual([before, JSON.stringify(parseYaml(before))]);
    const baseline = tmp.path('baseline.csv');
    writeFileSync(baseline, 'rule,row\n');
    const b = await cli(['validate', 'parcels.csv', '--dataset', 'parcels.yaml', ...NOW, '--baseline', baseline, '--violations', baseline, '--force']);
    expect(b.stderr).toMatch(/is the --baseline file, which this run reads/);
    expect(readFileSync(baseline, 'utf8')).toBe('rule,row\n');
  });

  it('never writes over a file the definition reads, even with --force: a base it extends (at any depth, a hard link to one), its commune list', async () => {
    // `validate -d child.yaml --out base.yaml --force`, child.yaml saying `extends: base.yaml`, replaced the base with
    // the report, and `--out communes.json` the commune list: only the --dataset file itself was spared.
    const { linkSync } = await import('node:fs');
    // A JSON base: an --out named .yaml is refused for its name first (with --format too).
    const base = tmp.path('base.json');
    writeFileSync(base, JSON.stringify(parseYaml(readFileSync(new URL('./fixtures/cli/parcels.yaml', import.meta.url), 'utf8').replace(/^\$schema: .*\n/m, ''))));
    linkSync(base, tmp.path('base-hard-link.json'));
    const communes = tmp.path('communes.json');
    writeFileSync(communes, readFileSync(new URL('../rules/vn/admin/fixtures/communes-2025.json', import.meta.url)));
    mkdirSync(tmp.path('defs'));
    writeFileSync(tmp.path('defs/mid.yaml'), 'extends: ../base.json\n');
    writeFileSync(tmp.path('child.yaml'), 'extends: defs/mid.yaml\ncommunes: communes.json\n');
    const kept = [base, communes].map((f) => readFileSync(f, 'utf8'));
    const cases: Array<[string, string, RegExp]> = [
      ['--out', base, /^ddss: --out ".*base\.json" is a base of the definition \(extends\), which this run reads; refusing to write over it\n$/],
      ['--out', tmp.path('base-hard-link.json'), /is a base of the definition \(extends\), which this run reads/],
      ['--history', base, /^ddss: --history ".*base\.json" is a base of the definition \(extends\), which this run reads/],
      ['--out', communes, /^ddss: --out ".*communes\.json" is a commune list of the definition \(communes\), which this run reads; refusing to write over it\n$/],
    ];
    for (const [flag, path, message] of cases) {
      const r = await cli(['validate', 'parcels.csv', '--dataset', tmp.path('child.yaml'), ...NOW, '--format', 'json', flag, path, '--force']);
      expect([r.code, r.stdout]).toEqual([2, '']);
      expect(r.stderr).toMatch(message);
    }
    expect([base, communes].map((f) => readFileSync(f, 'utf8'))).toEqual(kept);
  });

  it('refuses an existing --violations file before reading any row', async () => {
    const vio = tmp.path('v.csv');
    writeFileSync(vio, 'precious');
    const r = await cli(['validate', 'parcels.csv', '--dataset', 'parcels.yaml', ...NOW, '--violations', vio]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(readFileSync(vio, 'utf8')).toBe('precious');
  });

  it.each([['csv'], ['ndjson']])('streams every violation to a .%s file, beyond --max-samples', async (ext) => {
    const vio = tmp.path(`violations.${ext}`);
    const r = await cli(['validate', 'parcels.csv', '--dataset', 'parcels.yaml', ...NOW, '--format', 'json', '--max-samples', '0', '--violations', vio]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as JsonReport;
    const total = report.rules.reduce((n, x) => n + x.violations, 0);
    expect(total).toBe(5);
    const lines = readFileSync(vio, 'utf8').trim().split('\n');
    if (ext === 'csv') {
      // A UTF-8 BOM first, so Excel reads Vietnamese text correctly (trim() above drops it from `lines`).
      expect(readFileSync(vio, 'utf8').startsWith('\uFEFFrule,')).toBe(true);
      expect(lines[0]).toBe('rule,criterion,severity,code,row,line,key,field,value,message,suggestion');
      expect(lines).toHaveLength(total + 1);
      // A negative area is a number, not a formula: written as it is.
      const area = lines.find((l) => l.startsWith('area_m2.min')) ?? '';
      expect(area).toContain(',-5,');
      expect(area).not.toContain("'-5");
    } else {
      const rows = lines.map((l) => JSON.parse(l) as { rule: string; code: string });
      expect(rows).toHaveLength(total);
      expect(rows.map((v) => v.code).sort()).toEqual(['future_date', 'invalid_type', 'not_above_minimum', 'pattern_mismatch', 'surrounding_whitespace']);
    }
  });
});

describe('ddss validate: HTML links the violations file', () => {
  it('by a path relative to the page', async () => {
    mkdirSync(tmp.path('reports'));
    const out = tmp.path('reports/report.html');
    const r = await cli(['validate', 'parcels.csv', '--dataset', 'parcels.yaml', ...NOW, '--format', 'html', '--out', out, '--violations', tmp.path('all.csv')]);
    expect(r.code).toBe(1);
    expect(readFileSync(out, 'utf8')).toContain('<a class="file" href="../all.csv">');
  });
});

describe('ddss validate: --no-bom', () => {
  it('writes the --violations CSV without a byte order mark', async () => {
    const vio = tmp.path('v.csv');
    const r = await cli(['validate', 'parcels.csv', '--dataset', 'parcels.yaml', ...NOW, '--violations', vio, '--no-bom']);
    expect(r.code).toBe(1);
    expect(readFileSync(vio, 'utf8').startsWith('rule,criterion,')).toBe(true);
  });
});

describe('ddss validate: --time-zone', () => {
  // 01:00 on 15 March in Vietnam is still 14 March in UTC; a parcel issued on 15/03 is not in the future in Vietnam.
  const night = ['--now', '2026-03-15T01:00:00+07:00'];
  function today(): string {
    const csv = tmp.path('today.csv');
    writeFileSync(csv, 'parcel_id,owner_id,owner_name,area_m2,issued_on\nP-001,001099012345,Nguyễn Văn An,120.5,15/03/2026\n');
    return csv;
  }

  it('decides which calendar day --now is, and the report says which zone', async () => {
    const vn = await cli(['validate', today(), '--dataset', 'parcels.yaml', ...night, '--time-zone', 'Asia/Ho_Chi_Minh', '--format', 'json']);
    expect(vn.code).toBe(0);
    expect(JSON.parse(vn.stdout)).toMatchObject({ status: 'passed', timeZone: 'Asia/Ho_Chi_Minh' });
    const utc = await cli(['validate', today(), '--dataset', 'parcels.yaml', ...night, '--format', 'json']);
    expect(utc.code).toBe(1);
    expect(JSON.parse(utc.stdout)).toMatchObject({ status: 'failed', timeZone: 'UTC' });
  });

  it.each(['Asia/Hanoi', 'ICT', '+07:00', ''])('refuses the unknown zone %j (exit 2, naming the flag)', async (zone) => {
    const r = await cli(['validate', 'parcels.csv', '--dataset', 'parcels.yaml', ...NOW, '--time-zone', zone]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^ddss: --time-zone must be an IANA time zone/);
    expect(r.stdout).toBe('');
  });
});
