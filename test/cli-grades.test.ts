import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli, NOW, scratch } from './fixtures/cli/harness.js';
import { markdownText } from '../src/outputs/_escape.js';

let tmp: ReturnType<typeof scratch>;
beforeEach(() => { tmp = scratch(); });
afterEach(() => tmp.remove());

// parcels.yaml on parcels.csv, by hand. Row rules that count: correct — 5 type rules, parcel_id.pattern,
// owner_id.pattern, area_m2.min, issued_on.notInFuture (9); sufficient — 2 required; clean — nfc, trimmed
// (parcel_id.unique is a dataset rule: not in record grades); live — none (null, an empty cell).
// P-002: owner_id.pattern fails (8/9 = 0.888889), trimmed fails (1/2); overall (0.888889 + 1 + 0.5) / 3.
// P-003: area_m2.min fails (8/9); overall (0.888889 + 1 + 1) / 3.
// P-004: area "abc" fails its type, so area_m2.min does not apply: 8 correct rules, notInFuture fails too: 6/8.
const EXPECTED_CSV = '\ufeffrow,line,key,correct,sufficient,clean,live,overall,findings_correct,findings_sufficient,' +
  'findings_clean,findings_live,rules\n' +
  '1,3,P-002,0.888889,1,0.5,,0.796296,1,0,1,0,owner_id.pattern;owner_name.trimmed\n' +
  '2,4,P-003,0.888889,1,1,,0.962963,1,0,0,0,area_m2.min\n' +
  '3,5,P-004,0.75,1,1,,0.916667,2,0,0,0,area_m2.type;issued_on.notInFuture\n';

describe('ddss validate --grades', () => {
  it('writes the records with findings, in file order, with hand-computed grades', async () => {
    const out = tmp.path('grades.csv');
    const r = await cli(['validate', 'parcels.csv', '--dataset', 'parcels.yaml', ...NOW, '--format', 'json', '--grades', out]);
    expect(r.code).toBe(1);
    expect(readFileSync(out, 'utf8')).toBe(EXPECTED_CSV);
    const report = JSON.parse(r.stdout) as { recordGrades: unknown };
    expect(report.recordGrades).toEqual({ one: 1, atLeast90: 2, atLeast75: 1, below75: 0, ungraded: 0 });
  });

  it('--grades-all writes every record; NDJSON keeps nulls and rule lists', async () => {
    const out = tmp.path('grades.ndjson');
    await cli(['validate', 'parcels.csv', '--dataset', 'parcels.yaml', ...NOW, '--grades', out, '--grades-all', '--workers', '2']);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.key)).toEqual(['P-001', 'P-002', 'P-003', 'P-004']);
    expect(lines[0]).toMatchObject({ correct: 1, live: null, overall: 1, rules: [] });
    expect(lines[3]).toMatchObject({ correct: 0.75, rules: ['area_m2.type', 'issued_on.notInFuture'] });
  });

  it('masks a personal key and guards cells against formulas', async () => {
    const def = tmp.path('pii.yaml');
    writeFileSync(def, 'name: people\nkey: id\nfields:\n  id: { type: text, pii: true }\n  code: { type: text, pattern: \'^\\d+$\' }\n');
    const csv = tmp.path('people.csv');
    writeFileSync(csv, 'id,code\n079188000123,x\n=HYPERLINK("x"),y\n');
    const out = tmp.path('g.csv');
    await cli(['validate', csv, '--dataset', def, ...NOW, '--grades', out]);
    const text = readFileSync(out, 'utf8');
    expect(text).not.toContain('079188000123');
    expect(text).not.toMatch(/\n\d+,\d+,=/);
    const shown = await cli(['validate', csv, '--dataset', def, ...NOW, '--grades', tmp.path('h.csv'), '--show-values']);
    expect(shown.code).toBe(1);
    expect(readFileSync(tmp.path('h.csv'), 'utf8')).toContain('"\'=HYPERLINK(""x"")"');
  });

  it('refuses to write over the input, an existing file, or --grades-all alone', async () => {
    const same = await cli(['validate', 'parcels.csv', '--dataset', 'parcels.yaml', ...NOW, '--grades', 'parcels.csv']);
    expect(same.code).toBe(2);
    expect(same.stderr).toMatch(/--grades .*is the input file/);
    const out = tmp.path('old.csv');
    writeFileSync(out, 'old');
    const exists = await cli(['validate', 'parcels.csv', '--dataset', 'parcels.yaml', ...NOW, '--grades', out]);
    expect(exists.code).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('old');
    const alone = await cli(['validate', 'parcels.csv', '--dataset', 'parcels.yaml', ...NOW, '--grades-all']);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toMatch(/--grades-all needs --grades/);
    const col = await cli(['validate', 'parcels.csv', '--dataset', 'parcels.yaml', ...NOW, '--grades', tmp.path('c.csv'), '--grades-columns', 'commune']);
    expect(col.code).toBe(2);
    expect(col.stderr).toMatch(/--grades-columns: "commune" is not a field of dataset "parcels"/);
    expect(existsSync(tmp.path('c.csv'))).toBe(false);
    const bad = await cli(['validate', 'parcels.csv', '--dataset', 'parcels.yaml', ...NOW, '--grades', tmp.path('g.txt')]);
    expect(bad.stderr).toMatch(/--grades must end in \.csv or \.ndjson/);
    expect(existsSync(tmp.path('g.txt'))).toBe(false);
  });
});

describe('CSV grades and worklists show control characters escaped, as the text and Markdown outputs do', () => {
  const ESC = '\u001b[31mRED\u001b[0m';
  const TITLE = '\u001b]0;TITLE\u0007';
  // ESC, BEL, or a CR that is not part of a line break.
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  const RAW = /[\u001b\u0007]|\r(?!\n)/;

  it('validate --grades x.csv and worklist --format csv write no raw ESC, BEL or lone CR', async () => {
    const def = tmp.path('esc.yaml');
    writeFileSync(def, 'name: esc\nkey: id\nfields:\n  id: { type: text }\n  commune: { type: text }\n  area: { type: number, min: 1 }\n');
    const csv = tmp.path('esc.csv');
    writeFileSync(csv, `id,commune,area\n${ESC},${TITLE},0\nA2,"x\ry",0\nA3,"two\r\nlines",0\n`);
    const gradesCsv = tmp.path('esc-grades.csv');
    const gradesNd = tmp.path('esc-grades.ndjson');
    for (const g of [gradesCsv, gradesNd]) {
      await cli(['validate', csv, '--dataset', def, ...NOW, '--show-values', '--grades', g, '--grades-columns', 'commune']);
    }
    // Before: the ESC sequences went out as they were (`cat grades.csv` recoloured the terminal and retitled its window).
    const written = readFileSync(gradesCsv, 'utf8');
    expect(RAW.test(written)).toBe(false);
    expect(written).toContain('\\u001b[31mRED\\u001b[0m');
    expect(written).toContain('\\u001b]0;TITLE\\u0007');
    expect(written).toContain('x\\ry');
    // A line break inside a quoted cell is data, kept.
    expect(written).toContain('"two\r\nlines"');
    const list = await cli(['worklist', gradesNd, '--by', 'commune', '--format', 'csv']);
    expect(list.code).toBe(0);
    expect(RAW.test(list.stdout)).toBe(false);
    expect(list.stdout).toContain('\\u001b]0;TITLE\\u0007,0,2,\\u001b[31mRED\\u001b[0m,');
  });
});

describe('ddss worklist', () => {
  /** A register of four communes' records; `owner` is personal. */
  async function gradesFile(): Promise<string> {
    const def = tmp.path('reg.yaml');
    writeFileSync(def, 'name: reg\nkey: id\nfields:\n  id: { type: text, required: true }\n  commune: { type: text }\n' +
      '  owner: { type: text, pii: true, trimmed: true }\n  area: { type: number, min: { value: 0, exclusive: true } }\n');
    const csv = tmp.path('reg.csv');
    writeFileSync(csv, 'id,commune,owner,area\nA1,00001,An,5\nA2,00001, Ba ,-1\nA3,00004,Chi,x\nA4,00001,Dung,-2\n' +
      'A5,=cmd,Em ,7\nA6,,Gia,1\n');
    const out = tmp.path('g.ndjson');
    const r = await cli(['validate', csv, '--dataset', def, ...NOW, '--grades', out, '--grades-all', '--grades-columns', 'commune,owner']);
    expect(r.code).toBe(1);
    // Grouped by its masked cells, different people whose masks agree were one group, without a word.
    expect(r.stderr).toBe('ddss: owner is personal and is grouped as written, masked: records of different people whose masks ' +
      'agree fall in one group (show values with --show-values, or declare pii: hash and give a key)\n');
    return out;
  }

  it('says that masked cells are grouped as written in Vietnamese under --locale vi', async () => {
    await gradesFile();
    const vi = await cli(['validate', tmp.path('reg.csv'), '--dataset', tmp.path('reg.yaml'), ...NOW, '--grades', tmp.path('g-vi.ndjson'),
      '--grades-all', '--grades-columns', 'commune,owner', '--locale', 'vi']);
    expect(vi.stderr).toBe('ddss: owner là dữ liệu cá nhân và được nhóm theo giá trị đã che: bản ghi của những người khác nhau có ' +
      'giá trị che trùng nhau rơi vào cùng một nhóm (hiện giá trị bằng --show-values, hoặc khai báo pii: hash và cung cấp khóa)\n');
  });

  it('groups by a column, counts per criterion, lists the worst records first', async () => {
    const file = await gradesFile();
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as { values: Record<string, unknown> });
    // The personal column is masked in the grades file like everywhere.
    expect(lines[1]?.values.commune).toBe('00001');
    expect(JSON.stringify(lines)).not.toContain('Ba ');
    const r = await cli(['worklist', file, '--by', 'commune', '--top', '2', '--format', 'csv']);
    expect(r.code).toBe(0);
    // Hand-computed: correct rules id.type, commune.type, owner.type, area.type, area.min; clean owner.trimmed;
    // sufficient id.required. A2: min fails (4/5), trimmed fails (0) → (0.8 + 1 + 0) / 3 = 0.6.
    // A4: min fails → (0.8 + 1 + 1) / 3 = 0.933333. A1 passes: 1 (not listed with --top 2).
    // A3: area "x" fails its type, min does not apply: 3/4 → (0.75 + 1 + 1) / 3 = 0.916667.
    // A5: trimmed fails → (1 + 1 + 0) / 3 = 0.666667; its commune "=cmd" is formula-guarded.
    expect(r.stdout).toBe('\ufeffcommune,row,line,key,overall,correct,sufficient,clean,live,rules\n' +
      '(empty),5,7,A6,1,1,1,1,,\n' +
      '00001,1,3,A2,0.6,0.8,1,0,,owner.trimmed;area.min\n' +
      '00001,3,5,A4,0.933333,0.8,1,1,,area.min\n' +
      '00004,2,4,A3,0.916667,0.75,1,1,,area.type\n' +
      "'=cmd,4,6,A5,0.666667,1,1,0,,owner.trimmed\n"); // groups in code-unit order
    const text = await cli(['worklist', file, '--by', 'commune']);
    expect(text.stdout).toContain('commune 00001: 3 records · correct 2 · sufficient 0 · clean 1 · live 0');
    const md = await cli(['worklist', file, '--format', 'md']);
    expect(md.stdout).toContain('## all records\n\n6 records; with findings:');
    expect(md.stdout.indexOf('| 1 | 3 | A2 |')).toBeLessThan(md.stdout.indexOf('| 4 | 6 | A5 |'));
  });

  // Before: one blank line (text) or nothing (md), alike for a register with no findings and a file emptied by mistake.
  it('says that a grades file holds no record rather than printing an empty list', async () => {
    const empty = tmp.path('none.ndjson');
    writeFileSync(empty, '');
    const said = `no graded record in ${empty}: ddss validate --grades writes only the records with findings (--grades-all writes every one)\n`;
    for (const format of ['text', 'md']) {
      const r = await cli(['worklist', empty, '--by', 'commune', '--format', format]);
      expect([format, r.code, r.stdout]).toEqual([format, 0, said]);
    }
    const csv = await cli(['worklist', empty, '--format', 'csv']);
    expect(csv.stdout).toBe('\ufeffall,row,line,key,overall,correct,sufficient,clean,live,rules\n'); // a table with no row
  });

  // Before: the Markdown line quoted the name as plain text, and its <img onerror> rendered as HTML.
  it('names an empty grades file in Markdown as Markdown text, and on the console as plain text', async () => {
    const empty = tmp.path('<img src=x onerror=alert(8)>|x|*y*\u001b[31m.ndjson');
    writeFileSync(empty, '');
    const md = await cli(['worklist', empty, '--format', 'md']);
    expect(md.stdout).toBe(`no graded record in ${markdownText(`${tmp.dir}/`)}\\<img src=x onerror=alert(8)\\>\\|x\\|\\*y\\*\\\\u001b\\[31m.ndjson: ` +
      'ddss validate --grades writes only the records with findings (--grades-all writes every one)\n');
    const text = await cli(['worklist', empty]);
    expect(text.stdout).toContain(`in ${tmp.dir}/<img src=x onerror=alert(8)>|x|*y*\\u001b[31m.ndjson: `);
  });

  it('reads a grades file that starts with a UTF-8 BOM (an editor saved it; line 1 was "not JSON")', async () => {
    const file = await gradesFile();
    const plain = await cli(['worklist', file, '--by', 'commune']);
    const bom = tmp.path('bom.ndjson');
    writeFileSync(bom, `\ufeff${readFileSync(file, 'utf8')}`);
    const r = await cli(['worklist', bom, '--by', 'commune']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toBe(plain.stdout);
  });

  it.each([
    ['missing', () => tmp.path('none.ndjson'), 'file not found'],
    ['a directory', () => { mkdirSync(tmp.path('dir.ndjson')); return tmp.path('dir.ndjson'); }, 'it is a directory'],
  ])('says plainly that a grades file is %s (exit 3, as any unreadable input), not Node\'s error', async (_what, make, why) => {
    const file = make();
    const r = await cli(['worklist', file, '--by', 'rule']);
    expect([r.code, r.stdout, r.stderr]).toEqual([3, '', `ddss: cannot read the grades file "${file}": ${why}\n`]);
  });

  it('says which column is missing, or which line is not a graded record', async () => {
    const file = await gradesFile();
    const r = await cli(['worklist', file, '--by', 'district']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no column "district".*--grades-columns district/);
    const [first] = readFileSync(file, 'utf8').split('\n');
    const bad = tmp.path('bad.ndjson');
    writeFileSync(bad, `${first}\nnot json\n`);
    const b = await cli(['worklist', bad]);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/line 2 of the grades file is not JSON/);
  });

  it('refuses a shard\'s grades file, whose rows count within the shard, and reads the merged one', async () => {
    const states = [tmp.path('s1.ddss-state'), tmp.path('s2.ddss-state')];
    for (const k of [1, 2]) {
      const r = await cli(['validate', 'parcels.csv', '--dataset', 'parcels.yaml', ...NOW, '--shard', `${k}/2`,
        '--state-out', states[k - 1] as string, '--grades', tmp.path(`s${k}.g.ndjson`), '--grades-all']);
      expect([r.code, r.stderr]).toEqual([0, '']);
    }
    // Before: listed as it was, row 0 (line 2) for a record at line 4 of the input: a clerk sent to the wrong line.
    const shard = await cli(['worklist', tmp.path('s2.g.ndjson')]);
    expect([shard.code, shard.stdout]).toEqual([2, '']);
    expect(shard.stderr).toBe(`ddss: ${tmp.path('s2.g.ndjson')} is the grades file of shard 2/2 (ddss validate --shard … --grades): ` +
      'its rows and lines count within the shard; join the shards with ddss merge part-*.ddss-state --grades FILE.ndjson and give worklist that file\n');
    const merged = tmp.path('merged.ndjson');
    expect((await cli(['merge', ...states, '--grades', merged])).stderr).toBe('');
    const one = tmp.path('one.ndjson');
    await cli(['validate', 'parcels.csv', '--dataset', 'parcels.yaml', ...NOW, '--grades', one, '--grades-all']);
    // The merged file is one run's (rows and lines of the whole input, no shard mark), which worklist reads.
    expect(readFileSync(merged, 'utf8')).toBe(readFileSync(one, 'utf8'));
    const r = await cli(['worklist', merged]);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toBe((await cli(['worklist', one])).stdout);
  });

  it('refuses a grades file that lists a record twice, or records out of file order (two files joined)', async () => {
    const file = await gradesFile();
    const text = readFileSync(file, 'utf8');
    const twice = tmp.path('twice.ndjson');
    writeFileSync(twice, text + text);
    const lines = text.trimEnd().split('\n').length;
    // Before: accepted, each record listed twice.
    const r = await cli(['worklist', twice]);
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toBe(`ddss: line ${lines + 1} of the grades file grades row 0 after row 5 (line ${lines}): a grades file lists ` +
      'its records in file order, so this one holds two files joined (of two runs or datasets?); give worklist the file of one run\n');
    const [first, second, ...rest] = text.split('\n');
    const again = tmp.path('again.ndjson');
    writeFileSync(again, [first, second, second, ...rest].join('\n'));
    const a = await cli(['worklist', again]);
    expect([a.code, a.stdout]).toEqual([2, '']);
    expect(a.stderr).toMatch(/^ddss: line 3 of the grades file grades row 1 again \(line 2 did\): a grades file lists each record once/);
  });

  it.each([
    ['an overall grade above 1', { overall: 7 }], ['a negative grade', { correct: -1 }], ['a grade that is text', { overall: 'abc' }],
    ['a negative count', { findings_correct: -4 }], ['a line that is text', { line: 'two' }], ['a group value that is a number', { values: { commune: 12056 } }],
    ['no grades at all', 'bare'],
  ])('refuses a line with %s as not a graded record (it was read as ungraded, or its line dropped)', async (_name, edit) => {
    const file = await gradesFile();
    const [first, ...rest] = readFileSync(file, 'utf8').split('\n');
    const line = JSON.parse(first as string) as Record<string, unknown>;
    const edited = typeof edit === 'string' ? { row: line.row, rules: [] } : { ...line, ...edit };
    const bad = tmp.path('edited.ndjson');
    writeFileSync(bad, [first, JSON.stringify(edited), ...rest].join('\n'));
    const r = await cli(['worklist', bad]);
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toMatch(/^ddss: line 2 of the grades file is not a graded record/);
  });
});
