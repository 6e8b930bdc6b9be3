import { describe, expect, it } from 'vitest';
import { readCsv } from '../sources/csv/read-csv.js';
import { parseDefinition } from '../declarative/parse-definition.js';
import { validate } from '../validate.js';
import { profile } from './profile.js';
import { percent, suggestDefinition, yamlString } from './suggest-definition.js';

const NOW = new Date('2026-11-22T00:00:00Z');
const SMALL = 'id,name,dob,amount,flag,code,phone,note\n1,An,01/02/1990,"1,5",true,00001,0912345678,\n' +
  '2,Bình,15/03/1985,"2,25",false,00002,0987654321,NULL\n3,Chi,NULL,3,true,00003,,x\n4,An,31/12/2000,"4,0",true,00004,0912345678,-\n';

async function suggest(text: string, name = 'small.csv'): Promise<string> {
  return suggestDefinition(await profile(readCsv(Buffer.from(text), { name }), { now: NOW }));
}

describe('suggestDefinition', () => {
  it('writes the suggested definition exactly, with the evidence as comments', async () => {
    expect(await suggest(SMALL)).toBe(`# Suggested by ddss profile from small.csv: 4 rows, 8 columns.
# It describes this file; review it (required, unique, enum values) before using it as the register's rules.
name: "small"
missingValues: vn  # empty cells and the Vietnamese placeholders (NULL, -, 00/00/0000, …) count as missing
fields:
  "id":
    # 4 values, 0 missing; 4 distinct
    # 100% read as integer values
    type: integer
    required: true  # no missing value
    unique: true  # all 4 values distinct
  "name":
    # 4 values, 0 missing; 3 distinct
    type: text
    required: true  # no missing value
  "dob":
    # 3 values, 1 missing; 3 distinct
    # 100% read as dates in dd/MM/yyyy
    type: date
    format: "dd/MM/yyyy"
    unique: true  # all 3 values distinct
    pii: true  # personal data, by the column's name: masked in every output
  "amount":
    # 4 values, 0 missing; 4 distinct
    # 100% read as numbers with a "," decimal separator
    type: number
    decimal: ","
    required: true  # no missing value
    unique: true  # all 4 values distinct
  "flag":
    # 4 values, 0 missing; 2 distinct
    # 100% read as boolean values
    type: boolean
    required: true  # no missing value
  "code":
    # 4 values, 0 missing; 4 distinct
    # 100% have the form of commune codes (5 digits), unchecked: no commune list given (--communes FILE): no commune rule suggested
    type: text
    required: true  # no missing value
    unique: true  # all 4 values distinct
  "phone":
    # 3 values, 1 missing; 2 distinct
    # 100% look like phone numbers
    type: text
    pii: true  # personal identifiers: masked in every output
    vn: [phone]
  "note":
    # 1 value, 3 missing; 1 distinct
    type: text
`);
  });

  it('is a definition validation accepts as written, and passes on the file it came from', async () => {
    const def = parseDefinition(await suggest(SMALL), { format: 'yaml' });
    expect(Object.keys(def.fields)).toEqual(['id', 'name', 'dob', 'amount', 'flag', 'code', 'phone', 'note']);
    const report = await validate(def, readCsv(Buffer.from(SMALL), { name: 'small.csv' }), { now: NOW, workers: 1 });
    expect(report.status).toBe('passed');
  });

  it('suggests the rename the profile was read with as rename:, and the definition reads the file as written', async () => {
    const text = SMALL.replace('id,name', 'Mã số,Họ tên');
    const header = { 'Mã số': 'id', 'Họ tên': 'name' };
    const p = await profile(readCsv(Buffer.from(text), { name: 'vi.csv', header }), { now: NOW });
    // A rename whose field is not declared (the header read as a record, a name too long) is left out, as the
    // definition would refuse it.
    const yaml = suggestDefinition(p, { rename: { ...header, 'Ghi chú': 'x'.repeat(300) } });
    expect(yaml).toContain('rename:  # the header in the file: the field it is read as (the rename this profile was read with)\n' +
      '  "Mã số": "id"\n  "Họ tên": "name"\nfields:\n');
    const def = parseDefinition(yaml, { format: 'yaml' });
    expect(def.rename).toEqual(header);
    expect((await validate(def, readCsv(Buffer.from(text), { name: 'vi.csv' }), { now: NOW, workers: 1 })).status).toBe('passed');
  });

  it('says how many values a recogniser did not match, and the rule fails on exactly those', async () => {
    const ids = ['001089012345', '079199012345', '036300012345', '001089012346', '001089012347', '001089012348',
      '001089012349', '001089012350', '001089012351', '001089012352', '001089012353', '001089012354',
      '001089012355', '001089012356', '001089012357', '001089012358', '001089012359', '001089012360',
      '001089012361', '00108901236', '001089012363'];
    const text = `owner_id\n${ids.join('\n')}\n`;
    const yaml = await suggest(text, 'owners.csv');
    expect(yaml).toContain('    # 95.2% look like CCCD (12-digit personal ID); 1 do not\n    type: text\n');
    expect(yaml).toContain('    vn: [cccd]\n');
    const report = await validate(parseDefinition(yaml, { format: 'yaml' }), readCsv(Buffer.from(text)), { now: NOW, workers: 1 });
    expect(report.rules.find((r) => r.id === 'owner_id.cccd')?.failed).toBe(1);
  });

  it.each([
    ['odd column names', 'a b,"say ""hi""",Tên cột,: colon,#hash,-dash,"multi\nline",x\u2028y,[list]\n1,q,Hà,x,1,2,3,4,5\n2,r,Huế,y,2,3,4,5,6\n'],
    ['an all-empty column', 'a,empty\n1,\n2,NULL\n'],
    ['one row', 'only\nvalue\n'],
    ['a header without rows', 'h1,h2\n'],
    ['a repeated column name', 'a,a,b\n1,2,3\n'],
    ['an empty column name', ',b\n1,2\n'],
    ['enum values that YAML would read as other things', 'v\nyes\nno\nyes\nno\nnull\n~\n~\n'],
    ['values with quotes and backslashes', 'v\n"a""b"\n"a""b"\nc\\d\nc\\d\n'],
  ])('%s: accepted as written', async (_, text) => {
    const yaml = await suggest(text, 'hostile.csv');
    const def = parseDefinition(yaml, { format: 'yaml' });
    expect(Object.keys(def.fields).length).toBeGreaterThan(0);
    const report = await validate(def, readCsv(Buffer.from(text)), { now: NOW, workers: 1 });
    expect(report.partial).toBe(false);
  });

  it('declares every odd column name exactly', async () => {
    const yaml = await suggest('a b,"say ""hi""",Tên cột,"multi\nline"\n1,2,3,4\n');
    expect(Object.keys(parseDefinition(yaml, { format: 'yaml' }).fields)).toEqual(['a b', 'say "hi"', 'Tên cột', 'multi\nline']);
  });


  describe('a suggestion learned from dirty data does not pass that data', () => {
    const rows = (n: number, cell: (i: number) => string) => Array.from({ length: n }, (_, i) => cell(i)).join('\n');
    it.each<[string, string, string]>([
      ['junk among enum values (0, x)', `gioi_tinh\n${rows(40, (i) => (i === 3 ? '0' : i === 7 ? 'x' : i % 2 === 0 ? 'Nam' : 'Nữ'))}\n`, 'gioi_tinh'],
      ['a column empty in every row', `id,trong\n${rows(20, (i) => `${i + 1},`)}\n`, 'trong'],
      ['variants of an enum value (nam, Nu, " Nữ")', `gioi_tinh\n${rows(40, (i) => (i === 3 ? 'nam' : i === 7 ? 'Nu' : i === 9 ? '"Nữ "' : i % 2 === 0 ? 'Nam' : 'Nữ'))}\n`, 'gioi_tinh'],
      ['dates in two formats', `ngay_cap\n${rows(20, (i) => (i % 2 === 0 ? `${String(i + 1).padStart(2, '0')}/03/2020` : `2020-03-${String(i + 1).padStart(2, '0')}`))}\n`, 'ngay_cap'],
    ])('%s', async (_, text, field) => {
      const yaml = await suggest(text, 'dirty.csv');
      const report = await validate(parseDefinition(yaml, { format: 'yaml' }), readCsv(Buffer.from(text)), { now: NOW, workers: 1 });
      expect(report.status).not.toBe('passed');
      expect(report.rules.filter((r) => r.id.startsWith(`${field}.`) && r.failed > 0).length).toBeGreaterThan(0);
    });

    it('IDs written with spaces or dots get the ID rule, which reports them', async () => {
      const ids = rows(20, (i) => `0010890123${String(10 + i)}`).split('\n').map((id, i) => (i < 6 ? `${id.slice(0, 3)} ${id.slice(3, 6)} ${id.slice(6)}` : i < 9 ? `${id.slice(0, 3)}.${id.slice(3, 6)}.${id.slice(6)}` : id));
      const text = `so_giay_to\n${ids.join('\n')}\n`;
      const yaml = await suggest(text, 'ids.csv');
      expect(yaml).toContain('    vn: [cccd]\n');
      const report = await validate(parseDefinition(yaml, { format: 'yaml' }), readCsv(Buffer.from(text)), { now: NOW, workers: 1 });
      expect(report.rules.find((r) => r.id === 'so_giay_to.cccd')?.failed).toBe(9);
    });

    it('CCCD Excel read as numbers are text with the ID rule, which reports the lost zeros', async () => {
      const text = `c1\n${rows(20, (i) => `790890123${String(10 + i)}`)}\n`;
      const yaml = await suggest(text, 'ids.csv');
      expect(yaml).toContain('    type: text\n');
      expect(yaml).toContain('    vn: [cccd]\n');
      const report = await validate(parseDefinition(yaml, { format: 'yaml' }), readCsv(Buffer.from(text)), { now: NOW, workers: 1 });
      expect(report.rules.find((r) => r.id === 'c1.cccd')?.failed).toBe(20);
    });

    it.each<[string, readonly string[], string]>([
      ['an X among letter codes is a code', ['A', 'B', 'X'], 'values: ["A", "B", "X"]'],
      ['a column of ticks (x) keeps its one value', ['x', 'x', ''], 'values: ["x"]'],
    ])('%s', async (_, cycle, expected) => {
      expect(await suggest(`loai\n${rows(21, (i) => cycle[i % 3] as string)}\n`, 'codes.csv')).toContain(expected);
    });
  });

  it('suggests no BHXH or CMND rule for amounts and counts of nine or ten digits, and says why', async () => {
    const text = `von_dieu_le,so_lao_dong,so_bhxh\n${Array.from({ length: 20 }, (_, i) => `${1500000000 + i * 1000000},${123456700 + i},${String(100000001 + i).padStart(10, '0')}`).join('\n')}\n`;
    const yaml = await suggest(text, 'dn.csv');
    const block = (name: string) => yaml.slice(yaml.indexOf(`  "${name}":`)).split(/\n {2}"/)[0] as string;
    expect(block('von_dieu_le')).toContain('    type: integer\n');
    expect(block('von_dieu_le')).toContain('# 100% have the form of BHXH social-insurance numbers (10 digits), which amounts and counts have too: the column\'s name does not say they are: no rule suggested (add vn: [bhxh] if they are)');
    expect(block('von_dieu_le')).not.toMatch(/pii:|^ {4}vn: \[bhxh\]/m);
    expect(block('so_lao_dong')).not.toMatch(/pii:|^ {4}vn: \[cmnd\]/m);
    expect(block('so_bhxh')).toContain('    vn: [bhxh]\n');
    expect(block('so_bhxh')).toContain('    pii: true');
  });

  // Regression: a column of IDs Excel wrote in scientific notation was suggested as `type: number`, and validating
  // against the suggestion passed every one of them, their digits lost.
  it('declares identifiers in scientific notation as text, with a pattern that reports each, and says why', async () => {
    const ids = Array.from({ length: 20 }, (_, i) => (i < 15 ? `${(1.08 + i / 100).toFixed(5)}E+11` : `00108901234${i % 10}`));
    const amounts = Array.from({ length: 20 }, (_, i) => `${1 + i / 10}E+3`);
    const text = `so_cccd,so_tien\n${ids.map((id, i) => `${id},${amounts[i] ?? ''}`).join('\n')}\n`;
    const p = await profile(readCsv(Buffer.from(text), { name: 'ids.csv' }), { now: NOW });
    expect(p.columns.map((c) => [c.name, c.type, c.scientificIds])).toEqual([
      ['so_cccd', 'text', { count: 15, digitsOnly: true }], ['so_tien', 'number', undefined]]);
    const yaml = suggestDefinition(p);
    const block = yaml.slice(yaml.indexOf('  "so_cccd":')).split(/\n {2}"/)[0] as string;
    expect(block).toContain('    # 15 are identifiers a spreadsheet wrote in scientific notation (1.08901E+11): their last digits are lost; ' +
      'export the column as text; the pattern reports each of them\n    type: text\n    pattern: "^[0-9]+$"\n');
    const report = await validate(parseDefinition(yaml, { format: 'yaml' }), readCsv(Buffer.from(text)), { now: NOW });
    expect(report.rules.find((r) => r.id === 'so_cccd.pattern')?.failed).toBe(15);
    // Beside values that are no identifiers (letters), said without a pattern.
    const mixed = await suggest(`ma\n${['1.08901E+11', '1.08902E+11', 'AB 123', 'CD 456'].join('\n')}\n`);
    expect(mixed).toContain('# 2 are identifiers a spreadsheet wrote in scientific notation');
    expect(mixed).not.toContain('pattern:');
  });

  it('an input without columns has nothing to suggest', async () => {
    await expect(suggest('')).rejects.toThrow(/no column a definition can declare/);
  });

  it.each([[1, '100%'], [0.9999, '99.9%'], [0.996, '99.6%'], [0.95, '95%'], [0, '0%']])('percent(%d) = %s', (share, text) => {
    expect(percent(share)).toBe(text);
  });

  it('quotes YAML strings so that any text reads back as itself', () => {
    expect(yamlString('a\u0085b\u2028c"')).toBe('"a\\u0085b\\u2028c\\""');
  });
});
