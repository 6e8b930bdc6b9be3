import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli, NOW, scratch } from './fixtures/cli/harness.js';

const example = (path: string) => fileURLToPath(new URL(`../examples/${path}`, import.meta.url));

let tmp: ReturnType<typeof scratch>;
beforeEach(() => { tmp = scratch(); });
afterEach(() => tmp.remove());

interface JsonReport { status: string; rows: number; rules: { id: string; failed: number }[] }

describe('ddss profile', () => {
  it('prints the text profile', async () => {
    const r = await cli(['profile', 'parcels.csv']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n')[0]).toMatch(/^parcels\.csv: \d+ rows, \d+ columns$/);
  });

  it('--format json is the profile object', async () => {
    const r = await cli(['profile', example('land/parcels.csv'), '--format', 'json', '--sample', '100']);
    const p = JSON.parse(r.stdout) as { rows: number; sampled: boolean; columns: { name: string; type: string }[] };
    expect([p.rows, p.sampled]).toEqual([100, true]);
    expect(p.columns.find((c) => c.name === 'gcn_issue_date')?.type).toBe('date');
  });

  it('--out never overwrites without --force', async () => {
    const out = tmp.path('p.yaml');
    writeFileSync(out, 'keep');
    const r = await cli(['profile', 'parcels.csv', '--format', 'yaml', '--out', out]);
    expect(r.code).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('keep');
    expect((await cli(['profile', 'parcels.csv', '--format', 'yaml', '--out', out, '--force'])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^# Suggested by ddss profile from parcels\.csv/);
  });

  it.each([['text'], ['json'], ['html'], ['yaml']])('--format %s shows no personal identifier unmasked', async (format) => {
    const r = await cli(['profile', example('land/parcels.csv'), '--format', format, ...NOW]);
    const ids = readFileSync(example('land/parcels.csv'), 'utf8').match(/\b\d{12}\b/g) ?? [];
    expect(ids.length).toBeGreaterThan(1000);
    for (const id of ids) expect(r.stdout).not.toContain(id);
    expect(r.stdout).not.toContain('Ngô Đình Huy');
  });

  it('--sample N profiles the first N rows; rows the source could not read are counted by code', async () => {
    const input = tmp.path('s.ndjson');
    writeFileSync(input, '{"a":1}\n{"a":2}\n{broken\n{"a":3}\n');
    const r = await cli(['profile', input, '--sample', '2', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ rows: 2, sampled: true });
    const all = await cli(['profile', input]);
    expect(all.stdout.split('\n').slice(0, 2)).toEqual(['s.ndjson: 3 rows, 1 column', 'source issues: 1 invalid_json']);
  });

  it('exits 3 when no column could be read: an empty file, no JSON record, a header too large', async () => {
    // Each exited 0 with a profile of 0 columns, where validate says the input could not be evaluated.
    const cases: Array<[string, string | Uint8Array, RegExp]> = [
      ['empty.csv', '', /no column could be read/],
      ['bad.ndjson', 'x\ny\n', /no column could be read \(source issues: 2 invalid_json\)/],
      ['wide.csv', `id,${'n'.repeat(2_000_000)}\n1,2\n`, /no column could be read \(source issues: 1 record_too_large\)/],
      ['export.csv', gzipSync('id,name\n1,a\n'), /no column could be read \(source issues: 1 binary_input\): the input is gzip data, not text: decompress/],
    ];
    for (const [name, text, message] of cases) {
      const input = tmp.path(name);
      writeFileSync(input, text);
      const r = await cli(['profile', input]);
      expect([r.code, r.stdout]).toEqual([3, '']);
      expect(r.stderr).toMatch(message);
    }
  });

  it('counts rows with extra or missing cells among the source issues, as validate reports them', async () => {
    const input = tmp.path('ragged.csv');
    writeFileSync(input, 'a,b,c\n1,2,3\n4,5\n6,7,8,9\n');
    const r = await cli(['profile', input, '--format', 'json']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { issues: unknown[] }).issues).toEqual([{ code: 'extra_cell', count: 1 }, { code: 'missing_cell', count: 1 }]);
  });

  it('a file read in the wrong encoding: says so, and masks the columns it cannot read', async () => {
    const input = example('broken/parcels-tcvn3.csv');
    const r = await cli(['profile', input, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^ddss: \d+ rows hold bytes that are not UTF-8 \(their columns are masked\); .*--encoding tcvn3/);
    const p = JSON.parse(r.stdout) as { issues: { code: string }[]; columns: { name: string; top: { value: string }[] }[] };
    expect(p.issues.map((i) => i.code)).toContain('invalid_encoding');
    const names = p.columns.find((c) => c.name === 'owner_name')?.top.map((t) => t.value) ?? [];
    expect(names.length).toBeGreaterThan(0);
    for (const v of names) expect(v).toMatch(/^[^\s*]\**( [^\s*]\**)*$/); // masked: first letter of each word
    const declared = await cli(['profile', input, '--format', 'json', '--encoding', 'tcvn3']);
    expect(declared.stderr).toBe('');
  });

  it('--now is the day the recognisers judge on: a CCCD of a birth year after it is not one', async () => {
    const input = tmp.path('ids.csv');
    writeFileSync(input, `id\n${Array.from({ length: 20 }, (_, i) => `0012270${String(12345 + i).padStart(5, '0')}`).join('\n')}\n`);
    const recognised = async (now: string) => (JSON.parse((await cli(['profile', input, '--format', 'json', '--now', now])).stdout) as
      { columns: { recognised?: string }[] }).columns[0]?.recognised;
    expect(await recognised('2026-11-22')).toBeUndefined();
    expect(await recognised('2027-01-01')).toBe('cccd');
  });

  it('an unreadable input exits 3 with one line', async () => {
    const r = await cli(['profile', 'no-such-file.csv']);
    expect(r.code).toBe(3);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('--format html is one self-contained page with every value escaped', async () => {
    const input = tmp.path('h.csv');
    writeFileSync(input, '"<script>alert(1)</script>",b\n"<img src=x onerror=alert(1)>",1\n');
    const r = await cli(['profile', input, '--format', 'html']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('<meta http-equiv="Content-Security-Policy"');
    expect(r.stdout).not.toMatch(/<script>alert|<img src=x/);
    expect(r.stdout).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  // The suggestion, validated as written on the samples: each rule it suggests fails on exactly the values its
  // comment counted ("12 do not").
  // Five-digit columns (commune_code, kcb_registered) are no commune codes without a list: no rule, no evidence to check.
  it.each([['land/parcels.csv', 13], ['insurance/participants.csv', 12]])('%s: the suggested YAML validates and its evidence is exact', async (file, columns) => {
    const yamlPath = tmp.path('suggested.yaml');
    expect((await cli(['profile', example(file), '--format', 'yaml', '--out', yamlPath, ...NOW])).code).toBe(0);
    const yaml = readFileSync(yamlPath, 'utf8');
    const r = await cli(['validate', example(file), '--dataset', yamlPath, ...NOW, '--format', 'json', '--workers', '1']);
    expect(r.stderr).toBe('');
    expect([0, 1]).toContain(r.code);
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.rows).toBe(2000);
    let checked = 0;
    for (const block of yaml.split(/^(?= {2}")/m).slice(1)) {
      const field = JSON.parse(/^ {2}(".*"):$/m.exec(block)?.[1] ?? '""') as string;
      const evidence = block.split('\n').find((l) => /^ {4}# [\d.]+% (?:look like|read as) /.test(l) && !l.includes('below'));
      if (evidence === undefined) continue;
      const notMatched = Number(/; (\d+) do not$/.exec(evidence)?.[1] ?? 0);
      const rule = /^ {4}vn: \[(?:\{ )?(\w+)/m.exec(block)?.[1];
      if (evidence.includes('look like personal names')) continue; // pii only, no rule
      const id = evidence.includes('look like') ? `${field}.${rule ?? ''}` : `${field}.type`;
      expect(report.rules.find((x) => x.id === id)?.failed ?? 0, id).toBe(notMatched);
      if (notMatched > 0) expect(report.rules.some((x) => x.id === id), id).toBe(true);
      checked++;
    }
    expect(checked).toBe(columns);
  });

  it('province codes get the scheme they are in, and the rule agrees', async () => {
    const yamlPath = tmp.path('s.yaml');
    await cli(['profile', example('land/parcels.csv'), '--format', 'yaml', '--out', yamlPath, ...NOW]);
    const yaml = readFileSync(yamlPath, 'utf8');
    const m = /"province_code":\n(?: {4}#.*\n)*? {4}# [\d.]+% look like province codes of the 34-province list \(from 1\/7\/2025\); (\d+) do not\n/.exec(yaml);
    expect(m).not.toBeNull();
    expect(yaml).toContain('vn: [{ province: { scheme: "2025-07-01" } }]');
    const r = await cli(['validate', example('land/parcels.csv'), '--dataset', yamlPath, ...NOW, '--format', 'json', '--workers', '1']);
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.rules.find((x) => x.id === 'province_code.province')?.failed).toBe(Number(m?.[1]));
  });
});

describe('ddss validate without --dataset', () => {
  it('validates against the suggestion, says so in one line, and gives the report the saved suggestion gives', async () => {
    const file = example('insurance/participants.csv');
    const r = await cli(['validate', file, ...NOW, '--format', 'json']);
    expect(r.stderr).toBe(`ddss: no --dataset: validating against the definition ddss profile suggests for this file (17 columns); save it with ddss profile "${file}" --format yaml --out FILE\n`);
    expect(r.code).toBe(1);
    const yamlPath = tmp.path('participants.yaml');
    await cli(['profile', file, '--format', 'yaml', '--out', yamlPath, ...NOW]);
    const saved = await cli(['validate', file, '--dataset', yamlPath, ...NOW, '--format', 'json']);
    const rules = (x: string) => (JSON.parse(x) as JsonReport).rules.map((y) => [y.id, y.failed]);
    expect(rules(r.stdout)).toEqual(rules(saved.stdout));
  });

  it('an input with nothing to suggest exits 3', async () => {
    const input = tmp.path('empty.csv');
    writeFileSync(input, '');
    const r = await cli(['validate', input, ...NOW]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^ddss: cannot profile ".*empty\.csv" to suggest a definition: the input has no column/);
  });
});

// A file of more columns than a definition may have fields was suggested a definition that `validate --dataset`
// refuses, and `ddss validate FILE` without --dataset ended with "bad dataset definition suggested.yaml", a file the
// user never named (its own temporary file).
describe('a file of more columns than a definition may declare', () => {
  const wide = (): string => {
    const n = 1001;
    writeFileSync(tmp.path('wide.csv'), `${Array.from({ length: n }, (_, i) => `c${i}`).join(',')}\n${Array.from({ length: n }, (_, i) => i).join(',')}\n`);
    return tmp.path('wide.csv');
  };
  const WHY = 'the input has 1001 columns to declare, and a definition may have at most 1000 fields (ddss validate would ' +
    'refuse it): declare the columns to check in a definition of your own, with columns: ignore for the others';

  it('profile --format yaml says so (exit 3), and writes nothing', async () => {
    const r = await cli(['profile', wide(), '--format', 'yaml']);
    expect(r).toEqual({ code: 3, stdout: '', stderr: `ddss: ${WHY}\n` });
  });

  it('validate without --dataset says so (exit 3), naming no temporary file', async () => {
    const r = await cli(['validate', wide(), ...NOW]);
    expect([r.code, r.stdout, r.stderr]).toEqual([3, '', `ddss: cannot profile "${tmp.path('wide.csv')}" to suggest a definition: ${WHY}\n`]);
  });
});

// `ddss profile --locale vi` wrote its profile in Vietnamese and every stderr line after it in English.
describe('ddss profile: stderr lines under --locale vi', () => {
  it('says bytes that are not UTF-8, a header read as a record, a title above the table and a JSON object in Vietnamese', async () => {
    const tcvn3 = await cli(['profile', example('broken/parcels-tcvn3.csv'), '--locale', 'vi']);
    expect(tcvn3.stderr).toMatch(/^ddss: \d+ hàng chứa byte không phải UTF-8 \(các cột của chúng được che\); nếu tệp đến từ một hệ thống cũ, hãy khai báo mã hóa của nó: --encoding tcvn3, vni hoặc windows-1258\n$/);
    const headless = tmp.path('headless.csv');
    writeFileSync(headless, 'Nguyễn Văn An,079201000001\nTrần Thị Bé,079201000002\n');
    expect((await cli(['profile', headless, '--locale', 'vi'])).stderr).toContain(`ddss: dòng đầu của "${headless}" được đọc như một bản ghi, ` +
      'không phải dòng tiêu đề, nên các ô của nó (trong đó có dữ liệu cá nhân) không được hiển thị và các cột được đặt tên column_1, ' +
      'column_2, …; hãy thêm dòng tiêu đề cho tệp\n');
    const titled = tmp.path('titled.csv');
    writeFileSync(titled, `BÁO CÁO THỬA ĐẤT\n${'a,b,c\n'}${Array.from({ length: 10 }, (_, i) => `${i},x,y\n`).join('')}`);
    expect((await cli(['profile', titled, '--locale', 'vi'])).stderr)
      .toContain(`ddss: dòng tiêu đề có vẻ là dòng 2 (3 tên cột, rộng bằng các hàng của bảng); các dòng phía trên không phải dữ liệu: hãy xóa chúng, hoặc đọc từ đó: tail -n +2 ${JSON.stringify(titled)} | ddss profile - …\n`);
    const wrapped = tmp.path('wrapped.json');
    writeFileSync(wrapped, JSON.stringify({ data: [{ id: 1 }, { id: 2 }] }));
    expect((await cli(['profile', wrapped, '--locale', 'vi'])).stderr).toContain(`ddss: "${wrapped}" là một đối tượng JSON, được mô tả như một bản ghi; `);
  });
});
