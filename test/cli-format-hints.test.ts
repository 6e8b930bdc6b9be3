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
