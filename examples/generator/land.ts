import type { Random } from './_random.js';
import { vietnameseAddress, vietnameseName } from './_names.js';
import { OLD_PROVINCE_CODES, PROVINCES, addYears, cccd, day, daysBefore, ddmmyyyy, isoVietnam } from './_vn.js';
import { landDefects } from './land-defects.js';
import { generateTable, type GenerateOptions, type GeneratedTable, type Row, type TableSpec } from './table.js';

/** The columns of the land-parcels register (DOMAIN-VN §7), in file order. */
export const LAND_COLUMNS = [
  'parcel_id', 'province_code', 'commune_code', 'map_sheet_no', 'parcel_no', 'area_m2', 'land_use_code',
  'land_use_term', 'owner_name', 'owner_id', 'owner_birth_year', 'owner_gender', 'owner_address', 'gcn_serial',
  'gcn_issue_date', 'registered_at', 'x_north', 'y_east', 'owner_verified', 'updated_at',
] as const;

export type LandColumn = (typeof LAND_COLUMNS)[number];
export type LandRow = Row<LandColumn>;
/** The kind of valid row a defect needs. */
export type LandProfile = 'residential' | 'agricultural' | 'certified';

/** Parcels per map-sheet block: consecutive rows share a commune and a sheet, as cadastral exports are sorted. */
const BLOCK = 40;
const DAY = 86_400_000;
/** Land-use codes 2024 became the scheme on 1/8/2024; HNK was a group code before (DOMAIN-VN §4.1). */
const SCHEME_2024 = day(2024, 8, 1);

const RESIDENTIAL = ['ONT', 'ONT', 'ODT'];
const AGRICULTURAL = ['LUC', 'LUC', 'LUK', 'CLN', 'NTS', 'RSX'];
const OTHER = ['TMD', 'SKC'];

/** A fresh spec: it keeps the block and sheet counters that make (commune, sheet, parcel) unique. */
function landSpec(): TableSpec<LandColumn, LandProfile> {
  const sheets = new Map<string, number>();
  let block = { province: PROVINCES[0] as (typeof PROVINCES)[number], commune: '', sheet: 0, first: 0 };
  return {
    dataset: 'land-parcels',
    columns: LAND_COLUMNS,
    key: 'parcel_id',
    defects: landDefects,
    base(i, r, now, profile) {
      if (i % BLOCK === 0 || block.commune === '') {
        const province = r.pick(PROVINCES);
        const commune = `${province.code}${String(r.int(1, 60)).padStart(3, '0')}`;
        const sheet = (sheets.get(commune) ?? 0) + 1;
        sheets.set(commune, sheet);
        block = { province, commune, sheet, first: r.int(0, 40) };
      }
      const p = block.province;
      const updated = now - (i === 0 ? r.int(0, 6) : r.chance(0.6) ? r.int(0, 90) : r.int(91, 355)) * DAY - r.int(0, 86_399) * 1000;
      const certified = profile === 'certified' || profile === 'agricultural' || r.chance(0.88);
      const first = day(1995, 1, 1);
      const issue = certified ? first + r.int(0, Math.floor((Math.min(updated, now - 30 * DAY) - first) / DAY)) * DAY : undefined;
      const group = profile === 'residential' ? 'residential' : profile === 'agricultural' ? 'agricultural'
        : r.chance(0.45) ? 'residential' : r.chance(0.75) ? 'agricultural' : 'other';
      const agricultural = issue !== undefined && issue >= SCHEME_2024 ? [...AGRICULTURAL, 'HNK'] : AGRICULTURAL;
      const code = r.pick(group === 'residential' ? RESIDENTIAL : group === 'agricultural' ? agricultural : OTHER);
      const registered = issue !== undefined ? daysBefore(issue, r.int(15, 365))
        : r.chance(0.85) ? daysBefore(updated, r.int(30, 2000)) : undefined;
      const start = issue ?? registered ?? updated;
      const term = group === 'residential' ? 'LAU_DAI'
        : ddmmyyyy(addYears(start, group === 'agricultural' ? r.pick([50, 50, 50, 20, 30]) : 50));
      const gender = r.chance(0.5) ? 'Nam' : 'Nữ';
      const year = r.int(1940, 2005);
      const birthProvince = r.chance(0.7) ? r.pick(p.old) : r.pick(OLD_PROVINCE_CODES);
      const area = group === 'residential' ? r.int(400, 4000) : group === 'agricultural' ? r.int(2000, 50_000) : r.int(1000, 20_000);
      return {
        parcel_id: `P${String(i + 1).padStart(9, '0')}`,
        province_code: p.code,
        commune_code: block.commune,
        map_sheet_no: String(block.sheet),
        parcel_no: String(block.first + (i % BLOCK) + 1),
        area_m2: (area / 10).toFixed(1),
        land_use_code: code,
        land_use_term: term,
        owner_name: vietnameseName(r, gender),
        owner_id: cccd(birthProvince, year, gender, r.int(0, 999_999)),
        owner_birth_year: String(year),
        owner_gender: gender,
        owner_address: r.chance(0.8) ? vietnameseAddress(r, p.name) : '',
        gcn_serial: issue === undefined ? '' : serial(i),
        gcn_issue_date: issue === undefined ? '' : ddmmyyyy(issue),
        registered_at: registered === undefined ? '' : ddmmyyyy(registered),
        x_north: coordinate(p.lat * 110_574, 25_000, r),
        y_east: coordinate(500_000, 80_000, r),
        owner_verified: 'true',
        updated_at: isoVietnam(updated),
      };
    },
  };
}

/** A VN-2000 coordinate in metres with centimetres, around `centre`. */
function coordinate(centre: number, spread: number, r: Random): string {
  return (Math.round(centre) + r.int(-spread, spread) + r.int(0, 99) / 100).toFixed(2);
}

const LETTERS = 'ABCDEGHKLMNPQRSTUVXY';

/** A distinct certificate serial per row (`AB 123456`): a bijection of the row number, so no accidental duplicates. */
function serial(i: number): string {
  const n = (i * 48_271 + 1_234_567) % (LETTERS.length * LETTERS.length * 1_000_000);
  const letters = Math.floor(n / 1_000_000);
  return `${LETTERS[Math.floor(letters / LETTERS.length)]}${LETTERS[letters % LETTERS.length]} ${String(n % 1_000_000).padStart(6, '0')}`;
}

/**
 * Generates a land-parcels CSV (DOMAIN-VN §7) with defects injected at known rates, and its manifest. Lines are
 * produced lazily: a million rows stream in seconds without holding the file in memory.
 * @example
 * const land = generateLand({ rows: 1000, seed: 7 });
 * for (const line of land.lines) out.write(`${line}\n`);
 * land.manifest().totals.byCriterion; // { correct: 61, sufficient: 22, clean: 48, live: 31 }
 */
export function generateLand(options: GenerateOptions): GeneratedTable {
  return generateTable(landSpec, options);
}
