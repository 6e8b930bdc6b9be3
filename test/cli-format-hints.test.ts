import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli, NOW, scratch } from './fixtures/cli/harness.js';

let tmp: ReturnType<typeof scratch>;
beforeEach(() => { tmp = scratch(); });
afterEach(() => tmp.remove());

// parcels.yaml declares issued_on as dd/MM/yyyy. A column written in another format failed every row's type rule with
// "is not a valid date (dd/MM/yyyy)" (a number column in another notation "is not a valid number"), and nothing said
// which format the file does use.
const lines = readFileSync(new URL('./fixtures/cli/parcels.csv', import.meta.url), 'utf8').trimEnd().split('\n');
const at = (lines[0] as string).split(',').indexOf('issued_on');
const rewritten = (to: (d: string, m: string, y: string) => string): string => [lines[0], ...lines.slice(1).map((l) => {
  const cells = l.split(',');
  const m = /^(\d\d)\/(\d\d)\/(\d{4})$/.exec(cells[at] as string);
  if (m !== null) cells[at] = to(m[1] as string, m[2] as string, m[3] as string);
  return cells.join(',');
})].join('\n') + '\n';

describe('a date or number column written in another format than declared', () => {
  it('names the format its values read in (CSV)', async () => {
    const path = tmp.path('iso.csv');
    writeFileSync(path, rewritten((d, m, y) => `${y}-${m}-${d}`));
    const r = await cli(['validate', path, '--dataset', 'parcels.yaml', ...NOW]);
    expect(r.stderr).toMatch(/^ddss: issued_on is declared as date \(dd\/MM\/yyyy\), but (\d+) of its first \1 values read as yyyy-MM-dd: declare format: yyyy-MM-dd \(\d+ rows failed issued_on\.type\)$/m);
  });

  it('names both readings when no day is past the 12th, and reads NDJSON too', async () => {
    const path = tmp.path('dots.ndjson');
    writeFileSync(path, ['01.02.2020', '03.04.2021', '05.06.2019'].map((d, i) =>
      JSON.stringify({ parcel_id: `P-00${i}`, owner_id: '', owner_name: 'A', area_m2: 1, issued_on: d })).join('\n') + '\n');
    const r = await cli(['validate', path, '--dataset', 'parcels.yaml', ...NOW]);
    expect(r.stderr).toContain('ddss: issued_on is declared as date (dd/MM/yyyy), but 3 of its first 3 values read as dd.MM.yyyy: ' +
      'declare format: dd.MM.yyyy (3 rows failed issued_on.type)\n');
    // Declared yyyy-MM-dd over slashed dates whose days are all 12 or less: either order reads them, so both are named.
    const def = tmp.path('d.yaml');
    writeFileSync(def, 'name: d\nfields:\n  id: { type: text }\n  on: { type: date, format: yyyy-MM-dd }\n');
    const csv = tmp.path('slashed.csv');
    writeFileSync(csv, 'id,on\n1,01/02/2020\n2,03/04/2021\n3,12/11/2019\n');
    const both = await cli(['validate', csv, '--dataset', def, ...NOW]);
    expect(both.stderr).toContain('ddss: on is declared as date (yyyy-MM-dd), but 3 of its first 3 values read as dd/MM/yyyy ' +
      '(or MM/dd/yyyy): declare format: dd/MM/yyyy (3 rows failed on.type)\n');
  });

  it('names the separators of a number column written in another notation (Vietnamese 1.234,5; English 1,234.5)', async () => {
    const def = tmp.path('n.yaml');
    writeFileSync(def, 'name: n\nfields:\n  id: { type: text }\n  area: { type: number }\n  price: { type: number, decimal: \',\', thousands: \'.\' }\n');
    const csv = tmp.path('n.csv');
    writeFileSync(csv, 'id,area,price\n1,"1.234,5","1,234.5"\n2,"5,25","2,000.75"\n3,"12.000,5","3,000,000.5"\n');
    const r = await cli(['validate', csv, '--dataset', def, ...NOW]);
    expect(r.stderr).toContain('ddss: area is declared as number, but 3 of its first 3 values read as numbers with decimal "," and ' +
      'thousands ".": declare decimal: \',\', thousands: \'.\' (3 rows failed area.type)\n');
    expect(r.stderr).toContain('ddss: price is declared as number, but 3 of its first 3 values read as numbers with ' +
      'decimal "." and thousands ",": declare decimal: \'.\', thousands: \',\' (3 rows failed price.type)\n');
  });

  it('says nothing when the declared format reads most values', async () => {
    const r = await cli(['validate', 'parcels.csv', '--dataset', 'parcels.yaml', ...NOW]);
    expect(r.stderr).not.toMatch(/is declared as dates/);
  });
});

// What the failing values of a date or number column are, when no other declaration reads them: dates followed by a
// space (NBSP from a web export), two-digit years, Excel serials. The hint named `d/M/yyyy` for the first two, a
// format that read `29/11/19` as the year 19 and trimmed the space silently. And a column in US order (month first)
// with few days past the 12th failed on those few rows only, without a word that the others were read day first.
describe('what the failing values of a column are', () => {
  const DEF = 'name: d\nfields:\n  id: { type: text }\n  on: { type: date, format: dd/MM/yyyy }\n  area: { type: number }\n';
  const pad = (n: number): string => String(n).padStart(2, '0');
  /** 40 rows: day, month (1–12) and year of row i, and the area 818.1 written by `area`. */
  const csv = (on: (d: number, m: number, y: number, i: number) => string, area: (i: number) => string = () => '818.1'): string =>
    'id,on,area\n' + Array.from({ length: 40 }, (_, i) => `${i},"${on((i % 28) + 1, (i % 12) + 1, 1990 + i, i)}","${area(i)}"`).join('\n') + '\n';
  const dmy = (d: number, m: number, y: number): string => `${pad(d)}/${pad(m)}/${y}`;
  const serial = (d: number, m: number, y: number): string => String((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);

  it.each<[string, string, RegExp | undefined]>([
    ['a space after each date', csv((d, m, y) => `${dmy(d, m, y)} `),
      /^ddss: on: 40 of its first 40 values read as date \(dd\/MM\/yyyy\) only without the spaces around them .*: remove them \(40 rows failed on\.type\)$/m],
    ['a no-break space after each date', csv((d, m, y) => `${dmy(d, m, y)}\u00a0`),
      /^ddss: on: 40 of its first 40 values read as date \(dd\/MM\/yyyy\) only without the spaces around them/m],
    ['spaces around numbers', csv(dmy, () => ' 818.1 '),
      /^ddss: area: 40 of its first 40 values read as number only without the spaces around them .* \(40 rows failed area\.type\)$/m],
    ['two-digit years', csv((d, m, y) => `${pad(d)}/${pad(m)}/${String(y).slice(2)}`),
      /^ddss: on is declared as date \(dd\/MM\/yyyy\), but 40 of its first 40 values are dates with a two-digit year \(dd\/MM\/yy\), whose century no format guesses: export the year in four digits \(40 rows failed on\.type\)$/m],
    ['Excel serial numbers', csv(serial),
      /^ddss: on is declared as date \(dd\/MM\/yyyy\), but 40 of its first 40 values are Excel serial numbers \(days since 30\/12\/1899\), not dates: export the column formatted as dates \(40 rows failed on\.type\)$/m],
    // Month first, days 1–28: the 16 rows with a day past the 12th fail, the 24 others read as the wrong day.
    ['US order, most days past the 12th', csv((d, m, y) => `${pad(m)}/${pad(d)}/${y}`),
      /^ddss: on is declared as date \(dd\/MM\/yyyy\), but 40 of its first 40 values read as MM\/dd\/yyyy: declare format: MM\/dd\/yyyy \(16 rows failed on\.type; the 24 rows it read may have day and month swapped\)$/m],
    // Month first, two days past the 12th: 2 rows fail, the 38 others were read day first.
    ['US order, two days past the 12th', csv((d, m, y, i) => `${pad(m)}/${pad(i < 2 ? 20 + i : (i % 12) + 1)}/${y}`),
      /^ddss: on is declared as date \(dd\/MM\/yyyy\), but 40 of its first 40 values read as MM\/dd\/yyyy: declare format: MM\/dd\/yyyy \(2 rows failed on\.type; the 38 rows it read may have day and month swapped\)$/m],
    ['a few impossible dates in a dd/MM/yyyy column', csv((d, m, y, i) => (i < 2 ? `31/02/${y}` : dmy(d, m, y))), undefined],
    ['one date in 20 in ISO', csv((d, m, y, i) => (i % 20 === 0 ? `${y}-${pad(m)}-${pad(d)}` : dmy(d, m, y))), undefined],
  ])('%s', async (_, text, hint) => {
    const def = tmp.path('d.yaml');
    writeFileSync(def, DEF);
    const path = tmp.path('in.csv');
    writeFileSync(path, text);
    const r = await cli(['validate', path, '--dataset', def, ...NOW]);
    expect(r.code).toBe(1);
    if (hint === undefined) expect(r.stderr).toBe('');
    else expect(r.stderr).toMatch(hint);
    // Never the format that read `29/11/19` as the year 19 and trimmed spaces silently.
    expect(r.stderr).not.toContain('d/M/yyyy');
  });
});

it('names the format of padded values when the declared one does not read them either', async () => {
  const def = tmp.path('d.yaml');
  writeFileSync(def, 'name: d\nfields:\n  on: { type: date, format: yyyy-MM-dd }\n');
  const path = tmp.path('in.csv');
  writeFileSync(path, `on\n${Array.from({ length: 10 }, (_, i) => `"${String(i + 10)}/11/2019\u00a0"`).join('\n')}\n`);
  const r = await cli(['validate', path, '--dataset', def, ...NOW]);
  expect(r.stderr).toBe('ddss: on is declared as date (yyyy-MM-dd), but 10 of its first 10 values read as dd/MM/yyyy once the spaces ' +
    'around them (a no-break space or a tab counts) are removed, which ddss does not do: remove them and declare format: ' +
    'dd/MM/yyyy (10 rows failed on.type)\n');
});
