import type { Random } from './_random.js';
import { vietnameseName } from './_names.js';
import { OLD_PROVINCE_CODES, PROVINCES, addYears, cccd, day, ddmmyyyy, isoVietnam, mmyyyy, mobile, mst } from './_vn.js';
import { insuranceDefectsForTable } from './insurance-defects.js';
import { generateTable, type GenerateOptions, type GeneratedTable, type Row, type TableSpec } from './table.js';

/** The columns of the insurance-participants register (DOMAIN-VN §7), in file order. */
export const INSURANCE_COLUMNS = [
  'bhxh_no', 'full_name', 'dob', 'gender', 'id_no', 'phone', 'province_code', 'commune_code', 'bhyt_card_no',
  'card_valid_from', 'card_valid_to', 'kcb_registered', 'employer_tax_code', 'contribution_salary',
  'contribution_month', 'status', 'updated_at',
] as const;

export type InsuranceColumn = (typeof INSURANCE_COLUMNS)[number];
export type InsuranceRow = Row<InsuranceColumn>;
/** `employee`: a DN/HC card with employer and salary; `child`: a TE card; `adult`: anything but TE. */
export type InsuranceProfile = 'employee' | 'child' | 'adult';

const DAY = 86_400_000;

/** Object codes with their default benefit level (DOMAIN-VN §2.5) and share of participants. */
const OBJECTS: ReadonlyArray<readonly [code: string, level: number, share: number]> = [
  ['DN', 4, 38], ['HC', 4, 7], ['HT', 3, 10], ['GD', 4, 15], ['HS', 4, 10], ['SV', 4, 5], ['TE', 1, 10], ['CC', 1, 2],
  ['NO', 4, 1], ['XK', 4, 1], ['CB', 2, 1],
];

function pickObject(r: Random, profile: InsuranceProfile | undefined): readonly [string, number] {
  if (profile === 'child') return ['TE', 1];
  if (profile === 'employee') return r.chance(0.85) ? ['DN', 4] : ['HC', 4];
  const list = profile === 'adult' ? OBJECTS.filter(([c]) => c !== 'TE') : OBJECTS;
  let u = r.next() * list.reduce((s, [, , w]) => s + w, 0);
  for (const [code, level, w] of list) {
    u -= w;
    if (u < 0) return [code, level];
  }
  return ['DN', 4];
}

/** Birth years by object group, relative to the year of `now`. */
function birthYear(r: Random, object: string, year: number): number {
  switch (object) {
    case 'HT': return r.int(1945, 1966);
    case 'CC': return r.int(1935, 1960);
    case 'HS': return r.int(year - 17, year - 7);
    case 'SV': return r.int(year - 24, year - 18);
    case 'GD': return r.int(1950, 2005);
    default: return r.int(Math.max(1966, year - 60), year - 22);
  }
}

const pad = (n: number, w: number): string => String(n).padStart(w, '0');

function insuranceSpec(): TableSpec<InsuranceColumn, InsuranceProfile> {
  return {
    dataset: 'insurance-participants',
    columns: INSURANCE_COLUMNS,
    key: 'bhxh_no',
    defects: insuranceDefectsForTable(),
    base(i, r, now, profile) {
      if (i >= 1_000_000) throw new Error('generate: insurance files hold at most 1,000,000 rows (distinct personal IDs)');
      const p = r.pick(PROVINCES);
      const today = new Date(now);
      const year = today.getUTCFullYear();
      const month = today.getUTCMonth() + 1;
      const [object, level] = pickObject(r, profile);
      const gender = r.chance(0.5) ? 'Nam' : 'Nữ';
      const dob = object === 'TE' ? now - r.int(60, 6 * 365 - 60) * DAY : day(birthYear(r, object, year), 1, 1) + r.int(0, 364) * DAY;
      const born = new Date(dob).getUTCFullYear();
      const birthProvince = r.chance(0.7) ? r.pick(p.old) : r.pick(OLD_PROVINCE_CODES);
      // Bijections of the row number: personal IDs and BHXH numbers never collide by accident.
      const idNo = cccd(birthProvince, born, gender, (i * 7919 + 104_729) % 1_000_000);
      const bhxhNo = `${p.code}${pad((i * 40_503 + 17) % 100_000_000, 8)}`;
      const active = object === 'TE' || profile === 'employee' || r.chance(0.92);
      let from: number;
      let to: number;
      if (object === 'TE') {
        // Cards of children under six run from birth to the day before the sixth birthday (NĐ 146/2018).
        from = dob;
        to = addYears(dob, 6) - DAY;
      } else if (active) {
        const m = r.int(1, month);
        from = day(year, m, 1);
        to = day(year + 1, m, 1) - DAY;
      } else {
        from = day(year - 1, 1, 1);
        to = day(year - 1, 12, 31);
      }
      const employee = object === 'DN' || object === 'HC';
      const updated = now - (i === 0 ? r.int(0, 6) : r.chance(0.6) ? r.int(0, 90) : r.int(91, 355)) * DAY - r.int(0, 86_399) * 1000;
      return {
        bhxh_no: bhxhNo,
        full_name: vietnameseName(r, gender),
        dob: ddmmyyyy(dob),
        gender,
        id_no: idNo,
        phone: r.chance(object === 'TE' ? 0.6 : 0.85) ? mobile(r) : '',
        province_code: p.code,
        commune_code: `${p.code}${pad(r.int(1, 60), 3)}`,
        bhyt_card_no: `${object}${level}${p.code}${bhxhNo}`,
        card_valid_from: ddmmyyyy(from),
        card_valid_to: ddmmyyyy(to),
        kcb_registered: r.chance(0.8) ? `${p.code}${pad(r.int(1, 250), 3)}` : '',
        employer_tax_code: employee ? mst(r) : '',
        contribution_salary: employee ? String(r.int(50, 400) * 100_000) : '',
        contribution_month: employee ? mmyyyy(Date.UTC(year, month - 1 - r.int(1, 3), 1)) : '',
        status: active ? 'active' : r.pick(['suspended', 'closed']),
        updated_at: isoVietnam(updated),
      };
    },
  };
}

/**
 * Generates an insurance-participants CSV (DOMAIN-VN §7) with defects injected at known rates, and its manifest.
 * Every valid row is consistent: personal ID ↔ date of birth ↔ gender, card code ↔ BHXH number, object code ↔
 * benefit level, children's cards ↔ age, salary within the bounds of its month. At most 1,000,000 rows.
 * @example
 * const ins = generateInsurance({ rows: 500, seed: 3, defects: 0 }); // only valid rows
 */
export function generateInsurance(options: GenerateOptions): GeneratedTable {
  return generateTable(insuranceSpec, options);
}
