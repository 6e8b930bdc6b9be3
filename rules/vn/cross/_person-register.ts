/** Readings of the population register's cells (its documented format) and of the checked record's values. */
import { missingText } from '../../../src/core/missing.js';
import { stripSpaces } from '../../../src/core/strip-spaces.js';
import { VN_MISSING_VALUES } from '../dates/missing-values.js';

/**
 * Whether a register cell holds a placeholder for "nothing": ddss's own missing-value tokens (`NULL`, `N/A`, `-`,
 * `00/00/0000`, `01/01/1900`, … of `VN_MISSING_VALUES`). Why: a register export writes them where it holds no name,
 * date or gender, and read as data they made findings about values the register does not hold (`name_mismatch`
 * against "NULL", `register_date_unread`, a `-` death date as a death). `00/00/1975` stays a value: the register's
 * documented form of a birth whose year alone is known.
 * @example registerMissing('NULL') // true; registerMissing('00/00/1975') // false
 */
export const registerMissing: (text: string) => boolean =
  missingText(VN_MISSING_VALUES.filter((t) => !/^00\/00\/(?!0000)\d{4}$/.test(t)));

/** A birth as the register (or a record) gives it: always its year; the day too when a full date is given. */
export interface Birth {
  readonly year: number;
  /** UTC midnight of the date of birth, when the day is known. */
  readonly date?: number;
}

const DMY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date as UTC midnight, or undefined when it does not exist (31/02 does not roll over). */
function utcDay(y: number, m: number, d: number): number | undefined {
  const ms = Date.UTC(y, m - 1, d);
  const back = new Date(ms);
  return back.getUTCFullYear() === y && back.getUTCMonth() === m - 1 && back.getUTCDate() === d ? ms : undefined;
}

/**
 * A date written `dd/MM/yyyy` (the register's format) or `yyyy-MM-dd`, as UTC midnight; anything else undefined.
 * @example registerDate('03/04/2025') // Date.UTC(2025, 3, 3)
 */
export function registerDate(text: string): number | undefined {
  const t = text.trim();
  const dmy = DMY.exec(t);
  if (dmy !== null) return utcDay(Number(dmy[3]), Number(dmy[2]), Number(dmy[1]));
  const iso = ISO.exec(t);
  return iso === null ? undefined : utcDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
}

/**
 * The register's birth date cell: `dd/MM/yyyy`, `yyyy-MM-dd`, or a year alone (`1975`, or `00/00/1975`, the form
 * registers use when only the year is known); anything else undefined (not compared).
 * @example registerBirth('1975') // { year: 1975 }
 */
export function registerBirth(text: string): Birth | undefined {
  const t = text.trim();
  if (/^\d{4}$/.test(t)) return { year: Number(t) };
  const unknownDay = /^00\/00\/(\d{4})$/.exec(t);
  if (unknownDay !== null) return { year: Number(unknownDay[1]) };
  const date = registerDate(t);
  return date === undefined ? undefined : { year: new Date(date).getUTCFullYear(), date };
}

/**
 * The record's birth: a `Date` (a date field's value), a year (integer or 4-digit text), or a date as text.
 * @example recordBirth(new Date('1990-05-01')) // { year: 1990, date: … }
 */
export function recordBirth(v: unknown): Birth | undefined {
  if (v instanceof Date) {
    const ms = v.getTime();
    if (Number.isNaN(ms)) return undefined;
    return { year: v.getUTCFullYear(), date: Date.UTC(v.getUTCFullYear(), v.getUTCMonth(), v.getUTCDate()) };
  }
  if (typeof v === 'number') return Number.isInteger(v) ? { year: v } : undefined;
  return typeof v === 'string' ? registerBirth(v) : undefined;
}

/** `dd/MM/yyyy` of a UTC-midnight date. */
export function ddmmyyyy(ms: number): string {
  const d = new Date(ms);
  return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
}

/** How a source writes each gender (compared case-insensitively after NFC, numbers as their text). */
export interface Genders {
  readonly male: readonly (string | number)[];
  readonly female: readonly (string | number)[];
}

/**
 * Throws when a gender vocabulary cannot mean anything, as a boolean format refuses a text in both its lists: a value
 * in both lists (compared as they are read: case-insensitively after NFC, numbers as their text) was read as Nam, the
 * list checked first, without a word; an empty list judges no row of that gender, and its suggestion fell back to a
 * word the source never writes.
 * @example checkGenders({ male: ['Nam'], female: ['nam'] }, 'idGender: genders') // throws '… "nam" is in both …'
 */
export function checkGenders(g: Genders, where: string): void {
  const fold = (v: unknown): string => stripSpaces(String(v)).normalize('NFC').toLowerCase();
  const male = new Set(g.male.map(fold));
  const both = g.female.map(fold).find((k) => male.has(k));
  if (both !== undefined) throw new Error(`ddss: ${where}: "${both}" is in both the male and the female list`);
  if (g.male.length === 0 || g.female.length === 0) throw new Error(`ddss: ${where}: the ${g.male.length === 0 ? 'male' : 'female'} list is empty`);
}

/**
 * Reads gender values with a vocabulary: `Nam`, `Nữ`, or undefined for a value outside both lists.
 * @example genderReader({ male: ['Nam'], female: ['Nữ'] })('NỮ') // 'Nữ'
 */
export function genderReader(g: Genders): (v: unknown) => 'Nam' | 'Nữ' | undefined {
  const fold = (v: unknown): string => stripSpaces(String(v)).normalize('NFC').toLowerCase();
  const male = new Set(g.male.map(fold));
  const female = new Set(g.female.map(fold));
  return (v) => {
    if (typeof v !== 'string' && typeof v !== 'number') return undefined;
    const k = fold(v);
    return male.has(k) ? 'Nam' : female.has(k) ? 'Nữ' : undefined;
  };
}
