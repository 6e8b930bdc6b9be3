import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli, NOW, scratch } from './fixtures/cli/harness.js';

let tmp: ReturnType<typeof scratch>;
beforeEach(() => { tmp = scratch(); });
afterEach(() => tmp.remove());

// A typed column failing for a reason a reader recognises at a glance — `chưa cập nhật` in a date column, `120 m2` in
// an area, `1.234.567` in an integer, a SQL date-time in a date field, full-width digits — got only "not a valid
// date" or "not a valid number" in the summary, and no hint: none of them is another format or separator.
const DEF = 'name: d\nfields:\n  id: { type: text }\n  on: { type: date, format: dd/MM/yyyy }\n  n: { type: integer }\n' +
  '  area: { type: number }\n  income: { type: number, pii: true }\n';
const pad = (n: number): string => String(n).padStart(2, '0');
interface Row { on: string; n: string; area: string; income: string }
/** 40 rows: a date, an integer, an area and a personal number, each valid unless `row` says otherwise. */
const csv = (row: (i: number) => Partial<Row>): string => 'id,on,n,area,income\n' + Array.from({ length: 40 }, (_, i) => {
  const r: Row = { on: `${pad((i % 28) + 1)}/${pad((i % 12) + 1)}/${1990 + i}`, n: String(i * 7), area: `${100 + i}.5`, income: '100', ...row(i) };
  return [i, r.on, r.n, r.area, r.income].map((c) => `"${c}"`).join(',');
}).join('\n') + '\n';

async function validate(text: string, def = DEF): Promise<{ code: number; stderr: string; failed: (id: string) => number }> {
  writeFileSync(tmp.path('d.yaml'), def);
  writeFileSync(tmp.path('in.csv'), text);
  const r = await cli(['validate', tmp.path('in.csv'), '--dataset', tmp.path('d.yaml'), '--format', 'json', ...NOW]);
  const report = JSON.parse(r.stdout) as { rules: Array<{ id: string; failed: number }> };
  return { code: r.code, stderr: r.stderr, failed: (id) => report.rules.find((x) => x.id === id)?.failed ?? NaN };
}

describe('what most failing values of a typed column are', () => {
  const FULL = '０１２３４５６７８９';
  it.each<[string, (i: number) => Partial<Row>, RegExp]>([
    ['SQL date-times in a date field', (i) => ({ on: `${1990 + i}-${pad((i % 12) + 1)}-${pad((i % 28) + 1)} 15:00:00` }),
      /^ddss: on is declared as date \(dd\/MM\/yyyy\), but 40 of its first 40 values are date-times \(yyyy-MM-dd HH:mm:ss, as SQL databases export them\): declare type: datetime, .* \(40 rows failed on\.type\)$/m],
    ['full-width digits', (i) => ({ n: [...String(i * 7)].map((d) => FULL[Number(d)]).join('') }),
      /^ddss: n is declared as integer, but 40 of its first 40 values are written with full-width digits .* \(40 rows failed n\.type\)$/m],
    ['numbers followed by a unit', (i) => ({ area: [`${100 + i} m2`, `${100 + i}m²`, `${i + 1} năm`][i % 3] as string }),
      /^ddss: area is declared as number, but 40 of its first 40 values are numbers followed by a unit \(m2, m², năm\), which ddss does not strip: export the numbers alone \(a field's label can name the unit\) \(40 rows failed area\.type\)$/m],
    ['numbers grouped by thousands followed by a unit', (i) => ({ area: `1.${100 + i} m²` }),
      /^ddss: area is declared as number, but 40 of its first 40 values are numbers followed by a unit \(m²\), .*, and declare decimal: ',', thousands: '\.' \(40 rows failed area\.type\)$/m],
    ['integers grouped by "."', (i) => ({ n: `${i + 1}.234.567` }),
      /^ddss: n is declared as integer, but 40 of its first 40 values are integers grouped by thousands \("\."\), which an integer field does not read: export them without separators, or declare type: number, decimal: ',', thousands: '\.', decimals: 0 \(40 rows failed n\.type\)$/m],
    ['integers grouped by ","', (i) => ({ n: `${i + 1},234,567` }),
      /^ddss: n is declared as integer, but 40 of its first 40 values are integers grouped by thousands \(","\), .* declare type: number, decimal: '\.', thousands: ',', decimals: 0 /m],
    ['a personal field followed by a unit: its units are not printed', (i) => ({ income: `${i + 1} triệu` }),
      /^ddss: income is declared as number, but 40 of its first 40 values are numbers followed by a unit, which ddss/m],
  ])('%s', async (_, row, hint) => {
    const r = await validate(csv(row));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(hint);
    expect(r.stderr).not.toContain('triệu');
  });

  // An exponent was read as a unit: "numbers followed by a unit (e5, E11), … export the numbers alone".
  it('integers in scientific notation are said to be so, not numbers followed by a unit', async () => {
    const r = await validate(csv((i) => ({ n: i % 2 === 0 ? `${i + 1}e5` : `${i + 1}.2345E11` })));
    expect(r.stderr).toMatch(/^ddss: n is declared as integer, but 40 of its first 40 values are in scientific notation \(1\.2E\+11\), which an integer field does not read: export them with all their digits \(a spreadsheet shows large numbers so, and may have rounded them\) \(40 rows failed n\.type\)$/m);
    expect(r.stderr).not.toMatch(/unit/);
    // A number field reads them; one too large for a number (1e400) is not "followed by a unit" either.
    const large = await validate(csv(() => ({ area: '1e400' })));
    expect([large.failed('area.type'), large.stderr]).toEqual([40, '']);
  });

  it('declared as the hint says, the integers grouped by thousands read, and stay integers', async () => {
    const r = await validate(csv((i) => ({ n: `${i + 1}.234.567` })));
    const keys = /declare (type: number, [^(]*?) \(/.exec(r.stderr)?.[1] as string;
    const after = await validate(csv((i) => ({ n: i === 0 ? '1.234,5' : `${i + 1}.234.567` })), DEF.replace('n: { type: integer }', `n: { ${keys} }`));
    expect(after.failed('n.type')).toBe(0);
    expect(after.failed('n.decimals')).toBe(1);
  });

  it('a datetime field reads SQL date-times already: no failure, no hint', async () => {
    const r = await validate('id,at\n1,2026-11-21 15:00:00\n2,2026-11-20 08:30:00\n', 'name: d\nfields:\n  id: { type: text }\n  at: { type: datetime }\n');
    expect(r.failed('at.type')).toBe(0);
    expect(r.stderr).toBe('');
  });
});

describe('words meaning "no value" in a typed column', () => {
  it('are named with the missingValues that lists them, though most rows read', async () => {
    const r = await validate(csv((i) => (i % 4 === 0 ? { on: i % 8 === 0 ? 'chưa cập nhật' : 'Không có' } : {})));
    expect(r.failed('on.type')).toBe(10);
    expect(r.stderr).toBe('ddss: on is declared as date (dd/MM/yyyy), but 10 of its first 40 values are words meaning "no value" ' +
      "(chưa cập nhật, Không có), which its missing values do not list: declare missingValues: ['chưa cập nhật', 'Không có'] " +
      '(10 rows failed on.type)\n');
    // Followed as written, they are missing values, not wrong dates.
    const keys = /declare (missingValues: \[.*\]) \(/.exec(r.stderr)?.[1] as string;
    const after = await validate(csv((i) => (i % 4 === 0 ? { on: i % 8 === 0 ? 'chưa cập nhật' : 'Không có' } : {})),
      DEF.replace('on: { type: date, format: dd/MM/yyyy }', `on: { type: date, format: dd/MM/yyyy, ${keys} }`));
    expect(after.failed('on.type')).toBe(0);
    expect(after.stderr).toBe('');
  });

  it('in English, where the dataset replaced the default missing values', async () => {
    const r = await validate(csv((i) => (i < 30 ? { area: i % 2 === 0 ? 'N/A' : '-' } : {})), `missingValues: ['']\n${DEF}`);
    expect(r.stderr).toMatch(/^ddss: area is declared as number, but 30 of its first 40 values are words meaning "no value" \(N\/A, -\), .*declare missingValues: \['N\/A', '-'\] \(30 rows failed area\.type\)$/m);
  });

  it('are not named when they are a small share of the failures, nor for fewer than five failures', async () => {
    const few = await validate(csv((i) => (i < 6 ? { on: 'chưa có' } : i < 16 ? { on: `${i}.13.2020` } : {})));
    expect(few.failed('on.type')).toBe(16);
    expect(few.stderr).not.toContain('no value');
    const four = await validate(csv((i) => (i < 4 ? { on: 'chưa có' } : {})));
    expect(four.failed('on.type')).toBe(4);
    expect(four.stderr).toBe('');
  });
});

// "declare format: yyyy-MM-dd" cannot be done to a built-in: the hint says how, in a file that extends it.
describe('a built-in dataset', () => {
  const LAND = readFileSync(fileURLToPath(new URL('../examples/land/parcels.csv', import.meta.url)), 'utf8').split('\n').slice(0, 201);
  const header = (LAND[0] as string).split(',');
  /** The sample with each value of `column` (by index, among unquoted cells) rewritten by `to`. */
  const rewritten = (column: string, to: (v: string, i: number) => string): string => {
    const at = header.indexOf(column);
    return LAND.map((l, i) => {
      if (i === 0 || l === '') return l;
      const cells = l.match(/("[^"]*"|[^,]*)(?:,|$)/g)?.map((c) => c.replace(/,$/, '')) ?? [];
      cells[at] = to(cells[at] as string, i);
      return cells.slice(0, header.length).join(',');
    }).join('\n');
  };
  async function run(text: string, dataset: string): Promise<{ stderr: string; failed: (id: string) => number }> {
    writeFileSync(tmp.path('land.csv'), text);
    const r = await cli(['validate', tmp.path('land.csv'), '--dataset', dataset, '--format', 'json', ...NOW]);
    const report = JSON.parse(r.stdout) as { rules: Array<{ id: string; failed: number }> };
    return { stderr: r.stderr, failed: (id) => report.rules.find((x) => x.id === id)?.failed ?? NaN };
  }
  /** The YAML lines the hint says to save, as they are printed. */
  const saved = (stderr: string): string => stderr.split('\n').filter((l) => l.startsWith('    ')).join('\n') + '\n';

  it('is told how to declare another format, and the advice followed literally reads the column', async () => {
    const iso = rewritten('gcn_issue_date', (v) => v.replace(/^(\d\d)\/(\d\d)\/(\d{4})$/, '$3-$2-$1'));
    const r = await run(iso, 'land-parcels');
    expect(r.failed('gcn_issue_date.type')).toBeGreaterThan(100);
    expect(r.stderr).toContain('declare format: yyyy-MM-dd');
    expect(r.stderr).toContain('ddss: land-parcels is built in: to declare that, save these lines as a definition file ' +
      '(my-land-parcels.yaml) and run with --dataset my-land-parcels.yaml:\n    extends: land-parcels\n    fields:\n' +
      '      gcn_issue_date: { type: date, format: yyyy-MM-dd }\n' +
      "ddss: a field declared there replaces the built-in's own, with its rules: add back gcn_issue_date.notInFuture");
    writeFileSync(tmp.path('my-land-parcels.yaml'), saved(r.stderr));
    // As many failures as the sample's own, written dd/MM/yyyy: its defects (an impossible date) stay defects.
    const original = await run(LAND.join('\n'), 'land-parcels');
    const after = await run(iso, tmp.path('my-land-parcels.yaml'));
    expect(after.failed('gcn_issue_date.type')).toBe(original.failed('gcn_issue_date.type'));
    expect(after.failed('gcn_issue_date.type')).toBeLessThan(5);
    expect(after.stderr).not.toContain('gcn_issue_date');
  });

  it('keeps a personal field personal and required in the lines it gives', async () => {
    const text = rewritten('owner_birth_year', (v, i) => (i % 2 === 0 ? 'chưa có' : v));
    const r = await run(text, 'land-parcels');
    expect(r.stderr).toContain("      owner_birth_year: { type: integer, missingValues: ['chưa có'], required: true, pii: true }\n");
    writeFileSync(tmp.path('my-land-parcels.yaml'), saved(r.stderr));
    const after = await run(text, tmp.path('my-land-parcels.yaml'));
    expect(after.failed('owner_birth_year.type')).toBe(0);
    expect(after.failed('owner_birth_year.required')).toBe(r.failed('owner_birth_year.type'));
  });
});
