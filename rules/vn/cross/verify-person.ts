import { recordRule, setupError } from '../../../src/core/rule-base.js';
import { reference, type Reference, type ReferenceTable } from '../../../src/reference/reference.js';
import type { RowInput } from '../../../src/core/validate.js';
import type { Criterion, Finding, RecordRule, RuleOptions, Severity, TypedRow } from '../../../src/core/types.js';
import type { ForeignKeyRule, ReferenceBinding } from '../../correct/foreign-key.js';
import { canonicalCccd } from '../canonical.js';
import { idText } from './_values.js';
import { compareNames } from './_person-name.js';
import { PERSON_MESSAGES } from './_person-messages.js';
import {
  checkGenders, ddmmyyyy, genderReader, recordBirth, registerBirth, registerDate, registerMissing, type Birth, type Genders,
} from './_person-register.js';

/** The record's columns compared with the register: one of `birthYear` (a year) and `birthDate` (a date). */
export interface VerifyPersonFields {
  /** The 12-digit personal ID looked up in the register (rows without one or with a 9-digit CMND are not checked). */
  readonly id: string;
  readonly name: string;
  readonly gender: string;
  readonly birthYear?: string;
  readonly birthDate?: string;
}

/** The register's column names, for an export that does not use the default ones (`id`, `full_name`, …). */
export interface RegisterColumns {
  readonly id?: string;
  readonly full_name?: string;
  /** `dd/MM/yyyy`, `yyyy-MM-dd`, or the year alone (`1975`, `00/00/1975`). */
  readonly birth_date?: string;
  readonly gender?: string;
  /** Optional in the file: without the column nobody is reported deceased. */
  readonly death_date?: string;
}

export interface VerifyPersonOptions extends RuleOptions {
  /** The name of the reference holding the population register (`ref` name; `--reference NAME=FILE`). */
  readonly register: string;
  /** The register's columns, when its export names them otherwise. Default `id`, `full_name`, `birth_date`, `gender`, `death_date`. */
  readonly registerColumns?: RegisterColumns;
  /** How the record writes each gender. Default `{ male: ['Nam'], female: ['Nữ'] }`. */
  readonly genders?: Genders;
  /** How the register writes each gender. Default `{ male: ['Nam'], female: ['Nữ'] }`. */
  readonly registerGenders?: Genders;
  /**
   * The register's data, carried by the definition (`landParcelsWith({ population })`): a `reference()`, or rows
   * (read with the columns above). A run's `references` (or `--reference`) override it.
   */
  readonly source?: Reference | RowInput;
}

/** The six rules `verifyPerson` returns, each reference-bound like `rule.foreignKey`. */
export type VerifyPersonRule = ForeignKeyRule;

const DEFAULT_GENDERS: Genders = { male: ['Nam'], female: ['Nữ'] };

/** What the register holds for one ID (cells read once per row, whichever rule asks first). */
interface Held {
  readonly name: string | undefined;
  readonly birth: Birth | undefined;
  /** The register's birth-date cell holds text that is no date nor year it reads (`19890315`, `31/02/1990`). */
  readonly unreadBirth: boolean;
  readonly gender: 'Nam' | 'Nữ' | undefined;
  /** The register's gender cell when it holds text that `registerGenders` does not list (`M`, `F`). */
  readonly unreadGender: string | undefined;
  /** UTC midnight of the death date; `null` when the cell is empty; undefined when it cannot be read. */
  readonly death: number | null | undefined;
}

interface Part {
  readonly suffix: string;
  readonly criterion: Criterion;
  readonly severity: Severity;
  readonly code: string;
  /** Whether the row is checked: there is something on both sides to compare. */
  applies(row: TypedRow, held: Held | null): boolean;
  check(row: TypedRow, held: Held | null, todayMs: number): Finding | undefined;
}

/**
 * Verifies each person against the population register (Đề án 06): the 12-digit personal ID is looked up in the
 * reference named `register`, and the record's name, birth year or date and gender are compared with the register's.
 * Returns six record rules (one per criterion and severity of the outcome; spread them or list them as one entry):
 *
 * | id | code | criterion | severity |
 * |---|---|---|---|
 * | `verifyPerson` | `not_in_register` | correct | error |
 * | `verifyPerson.name` | `name_mismatch` | correct | error |
 * | `verifyPerson.nameForm` | `name_diacritics_differ`, `name_form_differs` | clean | warning |
 * | `verifyPerson.birth` | `birth_year_mismatch`, `birth_date_mismatch`; `register_date_unread` when the register's date is in no form it reads | correct | error |
 * | `verifyPerson.gender` | `gender_mismatch`; `register_gender_unread` when `registerGenders` does not list the register's value | correct | error |
 * | `verifyPerson.deceased` | `deceased_in_register`; `register_date_unread` when the register's death date is in no form it reads | live | warning |
 *
 * Names: equal after NFC, case folding and whitespace collapsing → nothing; else equal with one tone-mark placement
 * (`Hòa`/`Hoà`) → `name_form_differs`; else equal without diacritics (`đ` → `d`) → `name_diacritics_differ`; else
 * `name_mismatch` — exactly one of the three. A `birthDate` compared with a full register date that differs →
 * `birth_date_mismatch`; a year compared with a year (or a register that gives only the year) → `birth_year_mismatch`.
 * `deceased_in_register` when the register's death date is on or before the run's day (`ctx.today`). The register's
 * value is the finding's suggestion, shown (masked) like the record's value; messages never quote it.
 * Not checked (not counted): rows without an ID or with a legacy 9-digit CMND; any other ID that is not 12 digits
 * (`1089012345`, a malformed ID) is `not_in_register`, as `foreignKey` reports a key it cannot find;
 * for each comparison, rows where either side is empty (a register cell holding a placeholder, `NULL`, `N/A`, `-`,
 * `00/00/0000`, is empty), or the record's value is unreadable (a register's birth or
 * death date it cannot read is `register_date_unread`, a gender `register_gender_unread`); every row when the run gives no register (the
 * rules are then `skipped`, never passed). A register that cannot be read whole, lacks a column, or holds an ID twice
 * (the register must hold one record per person: ddss does not choose) makes the rules `error`.
 * @example
 * rules: [vn.verifyPerson({ id: 'owner_id', name: 'owner_name', birthYear: 'owner_birth_year', gender: 'owner_gender' }, { register: 'population' })]
 * // validate(def, rows, { references: { population: reference('population', readCsv('pop.csv'), { key: 'id', columns: ['full_name', 'birth_date', 'gender'], optionalColumns: ['death_date'] }) } })
 */
export function verifyPerson(fields: VerifyPersonFields, options: VerifyPersonOptions): readonly VerifyPersonRule[] {
  const { register, registerColumns, genders, registerGenders, source, id, when, ...common } = options;
  if (typeof register !== 'string' || register === '') throw new Error('ddss: verifyPerson needs { register: NAME }, the reference of the population register');
  if ((fields.birthYear === undefined) === (fields.birthDate === undefined)) {
    throw new Error('ddss: verifyPerson compares one of birthYear and birthDate, give exactly one');
  }
  const cols = {
    id: 'id', full_name: 'full_name', birth_date: 'birth_date', gender: 'gender', death_date: 'death_date', ...registerColumns,
  };
  const kept = { columns: [cols.full_name, cols.birth_date, cols.gender], optional: [cols.death_date] };
  const given = source === undefined ? undefined : isReference(source) ? source
    : reference(register, source, { key: cols.id, columns: kept.columns, optionalColumns: kept.optional });
  checkGenders(genders ?? DEFAULT_GENDERS, 'verifyPerson: genders');
  checkGenders(registerGenders ?? DEFAULT_GENDERS, 'verifyPerson: registerGenders');
  const recordGender = genderReader(genders ?? DEFAULT_GENDERS);
  const heldGender = genderReader(registerGenders ?? DEFAULT_GENDERS);
  const shownGender = { Nam: String((genders ?? DEFAULT_GENDERS).male[0] ?? 'Nam'), Nữ: String((genders ?? DEFAULT_GENDERS).female[0] ?? 'Nữ') };
  const birthField = (fields.birthDate ?? fields.birthYear) as string;
  const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);

  const parts: readonly Part[] = [
    {
      suffix: '', criterion: 'correct', severity: 'error', code: 'not_in_register',
      applies: () => true,
      check: (_row, held) => (held === null ? { code: 'not_in_register', field: fields.id } : undefined),
    },
    {
      suffix: '.name', criterion: 'correct', severity: 'error', code: 'name_mismatch',
      applies: (row, held) => held?.name !== undefined && text(row[fields.name]) !== undefined,
      check: (row, held) => compareNames(row[fields.name] as string, held?.name as string) === 'mismatch'
        ? { code: 'name_mismatch', field: fields.name, suggestion: held?.name as string } : undefined,
    },
    {
      suffix: '.nameForm', criterion: 'clean', severity: 'warning', code: 'name_form_differs',
      applies: (row, held) => held?.name !== undefined && text(row[fields.name]) !== undefined,
      check(row, held) {
        const m = compareNames(row[fields.name] as string, held?.name as string);
        const code = m === 'form' ? 'name_form_differs' : m === 'diacritics' ? 'name_diacritics_differ' : undefined;
        return code === undefined ? undefined : { code, field: fields.name, suggestion: held?.name as string };
      },
    },
    {
      suffix: '.birth', criterion: 'correct', severity: 'error', code: 'birth_year_mismatch',
      applies: (row, held) => (held?.birth !== undefined || held?.unreadBirth === true) && recordBirth(row[birthField]) !== undefined,
      check(row, held) {
        // A register written in another date format (yyyymmdd) was skipped for every person, without a word.
        if (held?.unreadBirth === true) return { code: 'register_date_unread', field: birthField, params: { column: cols.birth_date } };
        const mine = recordBirth(row[birthField]) as Birth;
        const theirs = held?.birth as Birth;
        if (fields.birthDate !== undefined && mine.date !== undefined && theirs.date !== undefined) {
          return mine.date === theirs.date ? undefined
            : { code: 'birth_date_mismatch', field: birthField, suggestion: ddmmyyyy(theirs.date) };
        }
        return mine.year === theirs.year ? undefined
          : { code: 'birth_year_mismatch', field: birthField, suggestion: String(theirs.year) };
      },
    },
    {
      suffix: '.gender', criterion: 'correct', severity: 'error', code: 'gender_mismatch',
      applies: (row, held) => (held?.gender !== undefined || held?.unreadGender !== undefined) && recordGender(row[fields.gender]) !== undefined,
      // A register value the options do not list (`M`/`F` where `registerGenders` says Nam/Nữ) cannot be compared:
      // a finding naming it, not a check silently skipped for every such person.
      check: (row, held) => (held?.unreadGender !== undefined
        ? { code: 'register_gender_unread', field: fields.gender, params: { held: held.unreadGender } }
        : recordGender(row[fields.gender]) === held?.gender ? undefined
          : { code: 'gender_mismatch', field: fields.gender, suggestion: shownGender[held?.gender as 'Nam' | 'Nữ'] }),
    },
    {
      suffix: '.deceased', criterion: 'live', severity: 'warning', code: 'deceased_in_register',
      applies: (_row, held) => held !== null,
      // A death date written otherwise (`20200101`, `không rõ`) still says the register holds a death: left out of
      // `checked`, the dead person made the rule pass. It is a finding naming the column, as for the birth date.
      check: (_row, held, todayMs) => held?.death === undefined
        ? { code: 'register_date_unread', field: fields.id, params: { column: cols.death_date } }
        : typeof held.death === 'number' && held.death <= todayMs
          ? { code: 'deceased_in_register', field: fields.id, suggestion: ddmmyyyy(held.death) } : undefined,
    },
  ];

  const finders = new WeakMap<ReferenceTable, (row: TypedRow) => Held | null | undefined>();
  /** The register's record for the row's ID (`null`: not held; undefined: the row has no ID, or a 9-digit CMND). */
  const finder = (table: ReferenceTable): ((row: TypedRow) => Held | null | undefined) => {
    let f = finders.get(table);
    if (f !== undefined) return f;
    // The six rules ask in turn for the same row: the last ID's record is kept, so the table is read once per row.
    let lastId: string | undefined;
    let last: Held | null = null;
    f = (row) => {
      const raw = idText(row[fields.id]);
      const key = raw === undefined || raw === '' ? undefined : canonicalCccd(raw);
      // A legacy CMND is another numbering, which a register of personal IDs cannot hold: not checked. Any other ID
      // that is no 12-digit one (`1089012345`, `1.08901E+11` from a spreadsheet) is not in the register either, as
      // foreignKey reports a key it cannot find: skipping it left every rule "skipped" and the run passed, the file's
      // IDs all mangled.
      if (key === undefined || /^\d{9}$/.test(key)) return undefined;
      if (!/^\d{12}$/.test(key)) return null;
      if (key === lastId) return last;
      lastId = key;
      last = table.has([key]) ? read(table, key) : null;
      return last;
    };
    finders.set(table, f);
    return f;
  };
  const read = (table: ReferenceTable, key: string): Held => {
    // A placeholder (`NULL`, `-`, `00/00/0000`) is an empty cell: either side empty means nothing to compare.
    const cell = (c: string) => {
      const v = table.get([key], c);
      return v === undefined || registerMissing(v) ? undefined : v;
    };
    const death = cell(cols.death_date);
    const birth = cell(cols.birth_date);
    const g = cell(cols.gender);
    const gender = g === undefined ? undefined : heldGender(g);
    const written = typeof g === 'string' || typeof g === 'number' ? String(g).trim() : '';
    return {
      name: text(cell(cols.full_name)),
      birth: birth === undefined ? undefined : registerBirth(birth),
      unreadBirth: birth !== undefined && registerBirth(birth) === undefined,
      gender,
      unreadGender: gender === undefined && written !== '' ? written.slice(0, 40) : undefined,
      death: death === undefined ? null : registerDate(death),
    };
  };

  return parts.map((part) => {
    const build = (check: RecordRule['check'], applies: ((row: TypedRow) => boolean) | undefined): RecordRule => {
      // The caller's verdict passes through unless it is true, so one that is no boolean reaches the engine, which
      // refuses it (`&&` would turn a truthy "false" into this rule's own boolean).
      const whenAll = applies === undefined ? when : when === undefined ? applies : (row: TypedRow) => {
        const w = when(row);
        return w === true ? applies(row) : w;
      };
      return recordRule({
        name: `verifyPerson${part.suffix}`, criterion: part.criterion, code: part.code, fields: [fields.id],
        messages: PERSON_MESSAGES, params: { register }, quotingParams: ['held'],
      }, check, {
        ...common, severity: common.severity ?? part.severity,
        ...(id === undefined ? {} : { id: `${id}${part.suffix}` }),
        ...(whenAll === undefined ? {} : { when: whenAll }),
      });
    };
    const failing = (why: string) => build(() => { throw setupError(why); }, undefined);
    const binding: ReferenceBinding = {
      name: register, columns: [fields.id], referenceColumns: [cols.id], kept, ...(given === undefined ? {} : { given }),
      bind(table) {
        // No register given: nothing was checked, so the rule is skipped (checked 0), never passed.
        if (table === undefined) return build(() => undefined, () => false);
        if (table.error !== undefined) return failing(table.error);
        const absent = kept.columns.filter((c) => !table.columns.includes(c));
        if (absent.length > 0) {
          return failing(`reference '${register}' keeps no column ${absent.map((c) => `'${c}'`).join(', ')}: read it with ` +
            `reference('${register}', source, { key: '${cols.id}', columns: [${kept.columns.map((c) => `'${c}'`).join(', ')}], optionalColumns: ['${cols.death_date}'] })`);
        }
        if (table.key.length !== 1 || table.key[0] !== cols.id) {
          return failing(`reference '${register}' is keyed on ${table.key.join(', ')}, not on ${cols.id}`);
        }
        if (table.duplicates > 0) {
          // The ID may be personal: the reference's own line is how a reader finds the repeat.
          const at = table.firstDuplicate;
          const first = at === undefined ? '' : ` (the first at ${at.line === undefined ? `row ${at.row}` : `line ${at.line}`} of the register)`;
          return failing(`reference '${register}' holds ${table.duplicates} record(s) whose ${cols.id} repeats an earlier record's${first}: ` +
            'a population register has one record per person, and verifyPerson does not choose between them');
        }
        const find = finder(table);
        return build((row, ctx) => part.check(row, find(row) ?? null, ctx.todayMs), (row) => {
          const held = find(row);
          return held !== undefined && part.applies(row, held);
        });
      },
    };
    return { ...binding.bind(undefined), reference: binding };
  });
}

function isReference(x: unknown): x is Reference {
  return typeof x === 'object' && x !== null && (x as Reference).kind === 'reference' && typeof (x as Reference).load === 'function';
}
