import { existsSync, linkSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli, FIXTURES, NOW, scratch } from './fixtures/cli/harness.js';
import { fileURLToPath } from 'node:url';
import { FIX_HELP, MAIN_HELP } from '../src/cli/help.js';
import { decodeTcvn3 } from '../src/sources/decode/tcvn3.js';

let tmp: ReturnType<typeof scratch>;
beforeEach(() => { tmp = scratch(); });
afterEach(() => tmp.remove());

const PARCELS = readFileSync(`${FIXTURES}/parcels.csv`);
const DEFINITION = ['--dataset', 'parcels.yaml', ...NOW];

describe('ddss fix', () => {
  it('writes the fixed file (only the fixed cell differs) and the change log, masked, and prints before → after', async () => {
    const out = tmp.path('fixed.csv');
    const log = tmp.path('changes.csv');
    const r = await cli(['fix', 'parcels.csv', ...DEFINITION, '--out', out, '--log', log]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1); // the fixed file still fails (a bad CCCD, a negative area)
    expect(readFileSync(out, 'utf8')).toBe(PARCELS.toString('utf8').replace('Canary ,', 'Canary,'));
    expect(readFileSync(log, 'utf8')).toBe('\ufeffstatus,row,line,key,field,rule,code,kind,before,after,reason,detail\n' +
      'fixed,1,3,P-002,owner_name,owner_name.trimmed,surrounding_whitespace,whitespace,"T*** T** C***** ",T*** T** C*****,,\n');
    expect(r.stdout).toContain('fixed 1 cell: whitespace 1');
    expect(r.stdout).toMatch(/clean\s+75% → 100%\s+1 → 0/);
  });

  // Regression: a field the header names twice was mended in its first column only, and nothing said so.
  it('says that a later column of a field named twice is kept as it is, in English and in Vietnamese', async () => {
    const lines = PARCELS.toString('utf8').trimEnd().split('\n');
    const input = tmp.path('twice.csv');
    writeFileSync(input, `${lines.map((l, i) => `${l},${i === 0 ? 'owner_name' : `${l.split(',')[2] ?? ''} `}`).join('\n')}\n`);
    const out = tmp.path('fixed.csv');
    const r = await cli(['fix', input, ...DEFINITION, '--out', out]);
    expect(readFileSync(out, 'utf8').split('\n')[2]).toBe('P-002,00109901234X,Trần Thị Canary,80,01/03/2021,Trần Thị Canary  ');
    expect(r.stderr).toContain(`ddss: ${out} keeps the later owner_name column as the input has it (source.duplicate_header): ` +
      'ddss fix reads and mends owner_name in the first column of that name only; remove one of them, or read the other ' +
      'under a name of its own with --rename\n');
    const vi = await cli(['fix', input, ...DEFINITION, '--out', tmp.path('vi.csv'), '--locale', 'vi']);
    expect(vi.stderr).toContain(`ddss: ${tmp.path('vi.csv')} giữ nguyên cột owner_name lặp lại phía sau như trong tệp đầu vào`);
    // A file without such a header has no such line.
    const plain = await cli(['fix', 'parcels.csv', ...DEFINITION, '--out', tmp.path('plain.csv')]);
    expect(plain.stderr).not.toContain('source.duplicate_header');
  });

  it('--show-values shows the values in the log; an NDJSON log has one object per line', async () => {
    const log = tmp.path('changes.ndjson');
    await cli(['fix', 'parcels.csv', ...DEFINITION, '--out', tmp.path('f.csv'), '--log', log, '--show-values']);
    expect(readFileSync(log, 'utf8')).toBe('{"status":"fixed","row":1,"line":3,"key":"P-002","field":"owner_name",' +
      '"rule":"owner_name.trimmed","code":"surrounding_whitespace","kind":"whitespace","before":"Trần Thị Canary ","after":"Trần Thị Canary"}\n');
  });

  it('writes a file many times the stream buffer without piling up listeners (no MaxListenersExceededWarning)', async () => {
    // Each full write buffer waited for 'drain' while also adding an 'error' listener that stayed: past ten waits
    // Node warned of a memory leak on stderr, and the listeners grew with the file.
    const input = tmp.path('big.csv');
    const [header] = PARCELS.toString('utf8').split('\n');
    const rows = Array.from({ length: 20_000 }, (_, i) => `P-${String(i % 1000).padStart(3, '0')},001099012345, Lê Chi ,10,01/01/2020`);
    writeFileSync(input, `${header}\n${rows.join('\n')}\n`);
    const warnings: string[] = [];
    const onWarning = (w: Error) => { warnings.push(`${w.name}: ${w.message}`); };
    process.on('warning', onWarning);
    try {
      const r = await cli(['fix', input, ...DEFINITION, '--out', tmp.path('f.csv')]);
      expect(r.stderr).toBe('');
      expect(readFileSync(tmp.path('f.csv'), 'utf8').split('\n')).toHaveLength(20_002);
      await new Promise((resolve) => setImmediate(resolve)); // warnings are emitted on the next tick
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings).toEqual([]);
  });

  it('--workers N takes a definition file: its workers load it from the file, as validate\'s do', async () => {
    // fix ignored the flag's library option before; given it, a YAML definition had no module for workers to load.
    const one = await cli(['fix', 'parcels.csv', ...DEFINITION, '--out', tmp.path('one.csv'), '--workers', '1']);
    const two = await cli(['fix', 'parcels.csv', ...DEFINITION, '--out', tmp.path('two.csv'), '--workers', '2']);
    expect(two.stderr).toBe('');
    expect([two.code, two.stdout.replace('two.csv', 'one.csv')]).toEqual([one.code, one.stdout]);
    expect(readFileSync(tmp.path('two.csv'))).toEqual(readFileSync(tmp.path('one.csv')));
    expect((await cli(['fix', 'parcels.csv', ...DEFINITION, '--dry-run', '--workers', '0'])).stderr).toMatch(/--workers must be a whole number from 1 to 256/);
  });

  it('exits 0 when the fixed file passes', async () => {
    const input = tmp.path('in.csv');
    writeFileSync(input, PARCELS.toString('utf8').split('\n').slice(0, 2).join('\n').concat('\nP-009,001099012345, Lê Chi ,10,01/01/2020\n'));
    const r = await cli(['fix', input, ...DEFINITION, '--out', tmp.path('f.csv')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('(failed → passed)');
  });

  // --locale vi changed only the numbers (83,3%): every word of the summary was English.
  it('--locale vi writes the summary in Vietnamese', async () => {
    const r = await cli(['fix', 'parcels.csv', ...DEFINITION, '--dry-run', '--locale', 'vi']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('ddss fix parcels: parcels.csv → (chạy thử: không ghi tệp nào)\nđã sửa 1 ô: whitespace 1\ngiữ nguyên 0\n');
    expect(r.stdout).toMatch(/\ntiêu chí +điểm trước → sau +hàng không đạt trước → sau\n/);
    expect(r.stdout).toMatch(/\nsạch +75% → 100% +1 → 0\n/);
    expect(r.stdout).toMatch(/\ntổng thể +[\d,]+% → [\d,]+% \(Không đạt → Không đạt\)\n$/);
  });

  it('--dry-run writes only the log, and still prints the scores the fixed file would have', async () => {
    const log = tmp.path('changes.csv');
    const r = await cli(['fix', 'parcels.csv', ...DEFINITION, '--dry-run', '--log', log]);
    expect(r.code).toBe(1);
    expect(readFileSync(log, 'utf8')).toContain('owner_name.trimmed');
    expect(r.stdout).toContain('dry run: no file written');
    expect(r.stdout).toMatch(/clean\s+75% → 100%/);
  });

  it('never overwrites: an existing --out or --log is refused before anything is read, and left as it was', async () => {
    const out = tmp.path('fixed.csv');
    writeFileSync(out, 'keep');
    const r = await cli(['fix', 'parcels.csv', ...DEFINITION, '--out', out]);
    expect(r.code).toBe(2);
    // It offered "use --force", which fix does not take: the flag was then refused as unknown.
    expect(r.stderr).toBe(`ddss: refusing to overwrite existing "${out}" (--out); name a file that does not exist (this command never replaces one)\n`);
    expect(readFileSync(out, 'utf8')).toBe('keep');
    const log = tmp.path('changes.csv');
    writeFileSync(log, 'keep');
    const l = await cli(['fix', 'parcels.csv', ...DEFINITION, '--out', tmp.path('new.csv'), '--log', log]);
    expect([l.code, l.stderr.includes('(--log); name a file that does not exist'), readFileSync(log, 'utf8')]).toEqual([2, true, 'keep']);
  });

  it('refuses to write over the input, by its name or through a link', async () => {
    const input = tmp.path('in.csv');
    writeFileSync(input, PARCELS);
    linkSync(input, tmp.path('hard.csv'));
    symlinkSync(input, tmp.path('soft.csv'));
    for (const out of [input, tmp.path('hard.csv'), tmp.path('soft.csv')]) {
      const r = await cli(['fix', input, ...DEFINITION, '--out', out]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('is the input file');
    }
    expect(readFileSync(input)).toEqual(PARCELS);
  });

  it('--encoding tcvn3 --to-utf8 writes a legacy-encoded file as UTF-8, line ends and all', async () => {
    const input = readFileSync(new URL('../examples/broken/parcels-tcvn3.csv', import.meta.url));
    const out = tmp.path('utf8.csv');
    const r = await cli(['fix', fileURLToPath(new URL('../examples/broken/parcels-tcvn3.csv', import.meta.url)), '--dataset', 'land-parcels',
      ...NOW, '--encoding', 'tcvn3', '--to-utf8', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(decodeTcvn3(input));
    expect(readFileSync(out, 'utf8')).toContain('\r\n');
    expect(r.stdout).toContain('(tcvn3 written as UTF-8)');
  });

  // It said nothing of them: a "fixed" file still joined from two exports, or cut short, with the scores as the only sign.
  it('says on stderr what validate says of the input, and that the copy keeps the records fix cannot mend', async () => {
    const text = PARCELS.toString('utf8');
    const joined = tmp.path('joined.csv');
    writeFileSync(joined, `${text}${text}`);
    const a = await cli(['fix', joined, ...DEFINITION, '--out', tmp.path('a.csv')]);
    expect(a.stderr).toBe('ddss: 1 record repeats the header line (the first at line 6): files joined with their headers, not data; ' +
      `they were not evaluated (source.repeated_header)\nddss: ${tmp.path('a.csv')} keeps those lines as the input has them: ddss fix changes cells, never records\n`);
    expect(readFileSync(tmp.path('a.csv'), 'utf8').split('\n').filter((l) => l.startsWith('parcel_id,'))).toHaveLength(2);
    const cut = tmp.path('cut.csv');
    writeFileSync(cut, Buffer.concat([PARCELS, Buffer.alloc(64)]));
    const b = await cli(['fix', cut, ...DEFINITION, '--out', tmp.path('b.csv')]);
    expect(b.stderr).toMatch(/^ddss: the file ends in 64 zero bytes from byte \d+: .*\(source\.zero_filled_tail\)\nddss: .*b\.csv keeps the zero bytes as the input has them/);
    const semi = tmp.path('semi.csv');
    writeFileSync(semi, text.replaceAll(',', ';'));
    const c = await cli(['fix', semi, ...DEFINITION, '--out', tmp.path('c.csv')]);
    expect([c.code, c.stderr]).toEqual([3, expect.stringContaining('the file seems separated by it; declare --delimiter \';\'\n')]);
  });

  // An input with nothing to evaluate exited 3 with only "error → error" in the table: no line said why.
  it.each([
    ['a header alone', 'parcel_id,owner_id,owner_name,area_m2,issued_on\n', 'ddss: nothing to evaluate: 0 data rows\n'],
    ['a quote opened in the first record and never closed', 'parcel_id,owner_id,owner_name,area_m2,issued_on\nP-001,"0010\nP-002,x\n',
      'ddss: a quoted value opened on line 2 is not closed before the end of the input: the lines from there on were read as ' +
      'one value, not as records, and were not evaluated (source.unclosed_quote); close the quote in the file\n' +
      'ddss: nothing to evaluate: 0 data rows\n'],
  ])('says why an input that could not be evaluated exits 3: %s', async (_name, text, stderr) => {
    const input = tmp.path('in.csv');
    writeFileSync(input, text);
    // Without parcels.yaml's rowCount rule, which fails such a file (exit 1) and says so in the table.
    const definition = tmp.path('d.yaml');
    writeFileSync(definition, readFileSync(`${FIXTURES}/parcels.yaml`, 'utf8').replace(/^rules:\n.*\n/m, '')
      .replace('../../../schema/', `${FIXTURES}/../../../schema/`));
    const r = await cli(['fix', input, '--dataset', definition, ...NOW, '--out', tmp.path('f.csv'), '--log', tmp.path('log.csv')]);
    // Nothing written: a "fixed" copy beside "nothing to evaluate" read as a run that worked.
    expect([r.code, r.stderr]).toEqual([3, `${stderr}ddss: nothing written, since the run could not be evaluated\n`]);
    expect([existsSync(tmp.path('f.csv')), existsSync(tmp.path('log.csv'))]).toEqual([false, false]);
  });

  // The library's words reached the command line: "declare its encoding and pass toUtf8", an option no flag is called.
  it('names the flags that rewrite a UTF-16 file (its byte order mark read it so) as UTF-8', async () => {
    const input = tmp.path('u16.csv');
    writeFileSync(input, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(PARCELS.toString('utf8'), 'utf16le')]));
    const r = await cli(['fix', input, ...DEFINITION, '--out', tmp.path('f.csv')]);
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'ddss: fix rewrites UTF-8 files only; this input reads as utf16le (its byte order ' +
      'mark says so): add --encoding utf16le --to-utf8 to write it as UTF-8\n' });
    expect(existsSync(tmp.path('f.csv'))).toBe(false);
    const converted = await cli(['fix', input, ...DEFINITION, '--out', tmp.path('f.csv'), '--encoding', 'utf16le', '--to-utf8']);
    expect([converted.code, readFileSync(tmp.path('f.csv'), 'utf8')]).toEqual([1, PARCELS.toString('utf8').replace('Canary ,', 'Canary,')]);
  });

  // Declared TCVN3, a UTF-8 file was written with every accented letter rewritten, exit 1, nothing in the log.
  it('refuses to convert a UTF-8 file declared TCVN3, and says which flags to leave out (exit 2, nothing written)', async () => {
    const out = tmp.path('f.csv');
    const log = tmp.path('changes.csv');
    const r = await cli(['fix', 'parcels.csv', ...DEFINITION, '--out', out, '--log', log, '--encoding', 'tcvn3', '--to-utf8']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^ddss: fix reads this file as tcvn3, but it looks like UTF-8: its bytes are valid UTF-8 with \d+ accented letters/);
    expect(r.stderr).toMatch(/leave out --encoding and --to-utf8 \(it is fixed as the UTF-8 it is\); nothing written\n$/);
    expect([existsSync(out), existsSync(log)]).toEqual([false, false]);
  });

  it.each([
    [['fix', 'parcels.csv', '--dataset', 'parcels.yaml', '--out', 'x.csv', '--to-utf8'], /--to-utf8 converts a legacy-encoded file/],
    [['fix', 'parcels.json', '--dataset', 'parcels.yaml', '--out', 'x.csv'], /CSV files .* only/],
    [['fix', 'parcels.csv', '--dataset', 'parcels.yaml', '--out', 'x.csv', '--encoding', 'tcvn3'], /UTF-8 files only/],
    [['fix', 'parcels.csv', '--dataset', 'parcels.yaml', '--out', 'x.csv', '--only', 'nfc,guess'], /unknown kind of fix "guess"/],
    [['fix', 'parcels.csv', '--dataset', 'parcels.yaml'], /needs --out/],
    [['fix', 'parcels.csv', '--dataset', 'parcels.yaml', '--dry-run', '--out', 'x.csv'], /--dry-run writes no fixed file/],
    [['fix', 'parcels.csv', '--out', 'x.csv'], /needs --dataset/],
    // The fixed file is a CSV: under another kind's name the next tool would open it as that kind.
    [['fix', 'parcels.csv', '--dataset', 'parcels.yaml', '--out', 'x.json'],
      /^ddss: --out "x.json" is named as a JSON file, but fix writes a CSV copy of its input: name it .csv\n/],
    [['fix', 'parcels.csv', '--dataset', 'parcels.yaml', '--out', 'x.xlsx'], /--out "x.xlsx" is named as an Excel file/],
    [['fix', 'parcels.csv', '--dataset', 'parcels.yaml', '--out', 'x.csv', '--log', 'x.txt'], /--log must end in .csv or .ndjson/],
  ])('usage error (exit 2): %j', async (args, message) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(existsSync(`${FIXTURES}/x.csv`)).toBe(false);
  });

  it('has its help, and a line in the main help', async () => {
    const r = await cli(['fix', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(FIX_HELP);
    expect(MAIN_HELP).toContain('ddss fix <input.csv>');
  });

  it('docs/cli.md documents every flag of ddss fix --help', () => {
    const doc = readFileSync(new URL('../docs/cli.md', import.meta.url), 'utf8');
    for (const flag of FIX_HELP.match(/--[a-z-]+/g) ?? []) expect(doc).toContain(flag);
  });
});

// The fix summary was Vietnamese under --locale vi, and the lines fix itself says on stderr English.
describe('ddss fix: its own stderr lines under --locale vi', () => {
  it('says the records kept as the input has them, and nothing written for a run not evaluated, in Vietnamese', async () => {
    const text = PARCELS.toString('utf8');
    const joined = tmp.path('joined.csv');
    writeFileSync(joined, `${text}${text}`);
    const a = await cli(['fix', joined, ...DEFINITION, '--out', tmp.path('a.csv'), '--locale', 'vi']);
    expect(a.stderr).toContain(`ddss: ${tmp.path('a.csv')} giữ các dòng đó như trong tệp đầu vào: ddss fix sửa các ô, không bao giờ sửa bản ghi\n`);
    const header = tmp.path('header.csv');
    writeFileSync(header, 'parcel_id,owner_id,owner_name,area_m2,issued_on\n');
    const definition = tmp.path('d.yaml');
    writeFileSync(definition, readFileSync(`${FIXTURES}/parcels.yaml`, 'utf8').replace(/^rules:\n.*\n/m, '')
      .replace('../../../schema/', `${FIXTURES}/../../../schema/`));
    const b = await cli(['fix', header, '--dataset', definition, ...NOW, '--out', tmp.path('f.csv'), '--locale', 'vi']);
    expect([b.code, b.stderr]).toEqual([3, 'ddss: không có gì để đánh giá: 0 hàng dữ liệu\nddss: không tệp nào được ghi, vì lần chạy không đánh giá được\n']);
    const gz = tmp.path('gz.csv');
    writeFileSync(gz, gzipSync(PARCELS));
    const c = await cli(['fix', gz, ...DEFINITION, '--out', tmp.path('g.csv'), '--locale', 'vi']);
    expect([c.code, c.stderr]).toEqual([3, 'ddss: không đọc được toàn bộ nguồn dữ liệu: đầu vào là dữ liệu gzip, không phải văn bản; không có gì để đánh giá; không tệp nào được ghi\n']);
  });
});
