import { canonicalCccd, vn } from 'ddss/vn';
import { createRandom, type Random } from './_random.js';
import { vietnameseName } from './_names.js';
import { ddmmyyyy, day } from './_vn.js';
import type { GeneratedTable } from './table.js';

/**
 * A population-register extract for the generated land and insurance samples: one record per person of both files
 * (`id`, `full_name`, `birth_date`, `gender`, `death_date`), as written in them, except at chosen rows, where the
 * register differs so that `vn.verifyPerson` must report exactly the outcome listed in the manifest. The chosen rows
 * are rows without any injected defect of their own, so each finding has one cause.
 */

/** The verifyPerson outcomes injected, with how many rows of each register get each. */
const OUTCOMES = [
  ['not_in_register', 6], ['name_mismatch', 5], ['name_diacritics_differ', 5], ['name_form_differs', 4],
  ['birth_mismatch', 5], ['gender_mismatch', 4], ['deceased_in_register', 4], ['gender_and_birth', 2],
] as const;
type Outcome = (typeof OUTCOMES)[number][0];

/** Register columns, in file order. */
export const POPULATION_COLUMNS = ['id', 'full_name', 'birth_date', 'gender', 'death_date'] as const;

/** A person as the register holds them. */
interface Person { id: string; full_name: string; birth_date: string; gender: string; death_date: string }

/** Where a register's people are in its file. */
interface Source {
  readonly dataset: 'land-parcels' | 'insurance-participants';
  readonly table: GeneratedTable;
  readonly key: string;
  readonly id: string;
  readonly name: string;
  readonly birth: string;
  readonly gender: string;
  /** Whether `birth` is a full date (dd/MM/yyyy) rather than a year. */
  readonly dated: boolean;
}

/** The expected verifyPerson findings of one checked file. */
export interface PopulationExpectation {
  readonly file: string;
  /** Rows with a 12-digit personal ID: what the `verifyPerson` rule checks. */
  readonly checked: number;
  readonly rows: readonly { readonly row: number; readonly line: number; readonly key: string; readonly codes: readonly string[] }[];
}

export interface PopulationManifest {
  readonly register: string;
  readonly seed: number;
  readonly now: string;
  readonly records: number;
  readonly datasets: Readonly<Record<string, PopulationExpectation>>;
}

const DAY = 86_400_000;
const TONE = '[\u0300\u0301\u0303\u0309\u0323]';
// An open syllable ending in oa, oe or uy, its tone on either vowel (Hòa/Hoà, Thủy/Thuỷ; the u of qu- and the i of
// gi- belong to the consonant, so those are left alone). Read on NFD text, case-insensitively.
const OLD = new RegExp(`^((?!qu|gi)[^aeiouy]*)([ou])(${TONE})([aey])$`, 'iu');
const NEW = new RegExp(`^((?!qu|gi)[^aeiouy]*)([ou])([aey])(${TONE})$`, 'iu');

/**
 * The name with the tone of its first open oa/oe/uy syllable on the other vowel, or undefined when it has none.
 * @example otherTonePlacement('Nguyễn Thị Thủy') // 'Nguyễn Thị Thuỷ'
 */
export function otherTonePlacement(name: string): string | undefined {
  const words = name.split(' ');
  for (let i = 0; i < words.length; i++) {
    const w = (words[i] as string).normalize('NFD');
    const pattern = OLD.test(w) ? OLD : NEW.test(w) ? NEW : undefined;
    if (pattern !== undefined) return [...words.slice(0, i), w.replace(pattern, '$1$2$4$3').normalize('NFC'), ...words.slice(i + 1)].join(' ');
  }
  return undefined;
}

const bare = (s: string): string => s.normalize('NFD').replace(/[\u0300-\u036f]/gu, '').replace(/[đĐ]/gu, (c) => (c === 'đ' ? 'd' : 'D'));

/**
 * Builds the extract and its manifest from the generated land and insurance tables (their lines are read again).
 * Deterministic for a seed; the checked files are not changed.
 * @example const { lines, manifest } = generatePopulation({ land: generateLand(o), insurance: generateInsurance(o), seed: 1, now });
 */
export function generatePopulation(o: { land: GeneratedTable; insurance: GeneratedTable; seed: number; now: string }):
  { lines: string[]; manifest: PopulationManifest } {
  const r = createRandom(o.seed, 7);
  const missing = new Set(vn.VN_MISSING_VALUES);
  const nowMs = Date.parse(o.now);
  const people = new Map<string, Person>();
  const datasets: Record<string, PopulationExpectation> = {};
  const sources: Source[] = [
    { dataset: 'land-parcels', table: o.land, key: 'parcel_id', id: 'owner_id', name: 'owner_name', birth: 'owner_birth_year', gender: 'owner_gender', dated: false },
    { dataset: 'insurance-participants', table: o.insurance, key: 'bhxh_no', id: 'id_no', name: 'full_name', birth: 'dob', gender: 'gender', dated: true },
  ];
  const files: Record<string, string> = { 'land-parcels': 'land/parcels.csv', 'insurance-participants': 'insurance/participants.csv' };
  for (const s of sources) {
    const [header, ...body] = [...s.table.lines].map(parseLine);
    const at = (c: string): number => (header as string[]).indexOf(c);
    const defective = new Set(s.table.manifest().rows.map((x) => x.row));
    const rows = body.map((cells, row) => ({
      row, key: cells[at(s.key)] ?? '', id: canonicalCccd(cells[at(s.id)] ?? ''), name: cells[at(s.name)] ?? '',
      birth: cells[at(s.birth)] ?? '', gender: cells[at(s.gender)] ?? '',
    }));
    // An ID the file holds (not empty, no placeholder) that is neither a 12-digit ID nor a 9-digit CMND (a defect of
    // the file: `1.20901E+10`, 11 digits) is not in the register: verifyPerson checks and fails it.
    const unheld = (id: string): boolean => id !== '' && !missing.has(id) && !/^\d{12}$/.test(id) && !/^\d{9}$/.test(id);
    const idCount = new Map<string, number>();
    for (const x of rows) idCount.set(x.id, (idCount.get(x.id) ?? 0) + 1);
    // Every person as the file writes them; a person met twice must be written the same way both times.
    for (const x of rows) {
      if (!/^\d{12}$/.test(x.id)) continue;
      const p = person(x, s.dated, r);
      const seen = people.get(x.id);
      if (seen === undefined) people.set(x.id, p);
      else if (seen.full_name.normalize('NFC').trim() !== p.full_name.normalize('NFC').trim() || seen.gender !== p.gender ||
        seen.birth_date.slice(-4) !== p.birth_date.slice(-4)) {
        throw new Error(`population: person ${x.id} is written two ways (${s.dataset} row ${x.row})`);
      }
    }
    // Rows that may carry an outcome: no defect of their own, an ID met once, a name, a birth and a gender as written.
    const candidates = rows.filter((x) => !defective.has(x.row) && idCount.get(x.id) === 1 && /^\d{12}$/.test(x.id) &&
      x.name !== '' && (x.gender === 'Nam' || x.gender === 'Nữ') && (s.dated ? /^\d\d\/\d\d\/\d{4}$/.test(x.birth) : /^\d{4}$/.test(x.birth)));
    const expected = new Map<number, { key: string; codes: string[] }>();
    const taken = new Set<number>();
    for (const [outcome, n] of OUTCOMES) {
      for (let k = 0; k < n; k++) {
        const pool = candidates.filter((x) => !taken.has(x.row) && eligible(outcome, x.name));
        // A small or defect-free run may have no row fit for an outcome: it gets fewer (the manifest lists what was made).
        if (pool.length === 0) break;
        const x = pool[r.int(0, pool.length - 1)] as (typeof pool)[number];
        taken.add(x.row);
        const codes = apply(outcome, x, people, s.dated, r, nowMs, k);
        expected.set(x.row, { key: x.key, codes: codes.sort() });
      }
    }
    for (const x of rows) if (unheld(x.id)) expected.set(x.row, { key: x.key, codes: ['not_in_register'] });
    datasets[s.dataset] = {
      file: files[s.dataset] as string,
      checked: rows.filter((x) => /^\d{12}$/.test(x.id) || unheld(x.id)).length,
      rows: [...expected.entries()].sort((a, b) => a[0] - b[0]).map(([row, e]) => ({ row, line: row + 2, key: e.key, codes: e.codes })),
    };
  }
  const records = [...people.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const lines = [POPULATION_COLUMNS.join(','), ...records.map((p) => POPULATION_COLUMNS.map((c) => cell(p[c])).join(','))];
  return { lines, manifest: { register: 'population/population.csv', seed: o.seed, now: new Date(nowMs).toISOString(), records: records.length, datasets } };
}

function eligible(outcome: Outcome, name: string): boolean {
  if (outcome === 'name_form_differs') return otherTonePlacement(name) !== undefined;
  if (outcome === 'name_diacritics_differ') return bare(name) !== name;
  return true;
}

/** The register's record of a person as the file writes them; a year alone gets a day, as the register knows it. */
function person(x: { id: string; name: string; birth: string; gender: string }, dated: boolean, r: Random): Person {
  const year = /^\d{4}$/.test(x.birth) ? Number(x.birth) : /^\d\d\/\d\d\/(\d{4})$/.exec(x.birth)?.[1];
  const birth_date = dated && /^\d\d\/\d\d\/\d{4}$/.test(x.birth) ? x.birth
    : year === undefined ? '' : ddmmyyyy(day(Number(year), 1, 1) + r.int(0, 364) * DAY);
  return { id: x.id, full_name: x.name, birth_date, gender: x.gender === 'Nữ' || x.gender === 'Nam' ? x.gender : '', death_date: '' };
}

/** Makes the register differ from the row as the outcome needs; returns the codes verifyPerson must report. */
function apply(outcome: Outcome, x: { id: string; name: string; birth: string; gender: string }, people: Map<string, Person>,
  dated: boolean, r: Random, nowMs: number, k: number): string[] {
  const p = people.get(x.id) as Person;
  const birthCode = dated ? 'birth_date_mismatch' : 'birth_year_mismatch';
  const shiftBirth = (): void => {
    if (dated) {
      const [d, m, y] = p.birth_date.split('/').map(Number) as [number, number, number];
      // Another day of the same month and year: only the date differs.
      p.birth_date = ddmmyyyy(day(y, m, d <= 14 ? d + r.int(1, 13) : d - r.int(1, 13)));
    } else {
      p.birth_date = ddmmyyyy(day(Number(x.birth) + (r.chance(0.5) ? 1 : -1), r.int(1, 12), r.int(1, 28)));
    }
  };
  const flipGender = (): void => { p.gender = p.gender === 'Nam' ? 'Nữ' : 'Nam'; };
  switch (outcome) {
    case 'not_in_register':
      people.delete(x.id);
      return ['not_in_register'];
    case 'name_mismatch': {
      let other = x.name;
      while (bare(other).toLowerCase() === bare(x.name).toLowerCase()) other = vietnameseName(r, x.gender === 'Nữ' ? 'Nữ' : 'Nam');
      p.full_name = other;
      return ['name_mismatch'];
    }
    case 'name_diacritics_differ':
      // Legacy registers kept names in capitals without marks.
      p.full_name = bare(x.name).toUpperCase();
      return ['name_diacritics_differ'];
    case 'name_form_differs':
      p.full_name = otherTonePlacement(x.name) as string;
      return ['name_form_differs'];
    case 'birth_mismatch':
      shiftBirth();
      return [birthCode];
    case 'gender_mismatch':
      flipGender();
      return ['gender_mismatch'];
    case 'gender_and_birth':
      flipGender();
      shiftBirth();
      return ['gender_mismatch', birthCode];
    case 'deceased_in_register':
      // The first one died on the day of the run itself: "on or before now" includes it.
      p.death_date = ddmmyyyy(k === 0 ? vietnamDay(nowMs) : nowMs - r.int(1, 3000) * DAY);
      return ['deceased_in_register'];
  }
}

/** UTC midnight of the date `ms` falls on in Vietnam (UTC+7), the built-ins' calendar. */
function vietnamDay(ms: number): number {
  const d = new Date(ms + 7 * 3_600_000);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
}

/** The manifest as JSON that diffs well: one line per expected row. */
export function populationManifestJson(m: PopulationManifest): string {
  const head = JSON.stringify({ ...m, datasets: undefined }, null, 2).replace(/\n}$/, '');
  const sets = Object.entries(m.datasets).map(([name, d]) =>
    `    ${JSON.stringify(name)}: {\n      "file": ${JSON.stringify(d.file)},\n      "checked": ${d.checked},\n      "rows": [\n` +
    `${d.rows.map((r) => `        ${JSON.stringify(r)}`).join(',\n')}\n      ]\n    }`);
  return `${head},\n  "datasets": {\n${sets.join(',\n')}\n  }\n}\n`;
}

/** The cells of a CSV line the generator wrote (quoted only when a cell holds a comma, quote or line break). */
function parseLine(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let v = '';
      i++;
      while (i < line.length) {
        if (line[i] === '"' && line[i + 1] === '"') { v += '"'; i += 2; } else if (line[i] === '"') { i++; break; } else v += line[i++];
      }
      out.push(v);
      i++; // the comma
    } else {
      const end = line.indexOf(',', i);
      out.push(line.slice(i, end < 0 ? line.length : end));
      i = end < 0 ? line.length + 1 : end + 1;
    }
  }
  return out;
}

function cell(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}
