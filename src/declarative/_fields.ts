import { field, type FieldSpec } from '../field.js';
import type { FieldSpecData, FieldType } from '../core/types.js';
import { DefinitionError, type DefinitionPath } from './definition-error.js';
import { compilePattern } from './_regex.js';
import { MODIFIER_TYPES } from '../core/modifier-types.js';
import { fieldProblem } from '../core/field-problem.js';
import { checkDateFormat } from '../core/check-date-format.js';
import { duration, isOn, ruleOptions } from './_options.js';
import type { DeclarativeBound, DeclarativeField } from './format.js';
import type { TypedRow } from '../core/types.js';
import type { CommuneTable } from '../../rules/vn/admin/parse-admin-units.js';
import { canonical } from '../../rules/vn/canonical.js';
import { VN_MISSING_VALUES } from '../../rules/vn/dates/missing-values.js';
import { maxDecimals, readableText, verified } from '../../rules/datasets/_rules.js';
import { buildVnFieldRule } from './_vn-field-rule.js';
import { factoryError } from './_factory-error.js';
import { WallClockDate } from '../core/wall-clock-date.js';

const LISTED: ReadonlySet<FieldType> = new Set(['text', 'enum', 'integer', 'number', 'boolean', 'any']);

// Keys that only make sense for some types; a steward who puts `format` on a text field has made a mistake. The keys
// that are TypeScript modifiers (`min`, `trimmed`, `pattern`…) take their types from MODIFIER_TYPES, which
// defineDataset applies to TypeScript definitions, so both refuse the same mistakes.
const ONLY: Readonly<Record<string, { types: ReadonlySet<FieldType>; label: string }>> = {
  format: { types: new Set(['date']), label: 'date' },
  decimal: { types: new Set(['number']), label: 'number' },
  thousands: { types: new Set(['number']), label: 'number' },
  trueValues: { types: new Set(['boolean']), label: 'boolean' },
  falseValues: { types: new Set(['boolean']), label: 'boolean' },
  values: { types: new Set(['enum']), label: 'enum' },
  caseInsensitive: { types: new Set(['enum']), label: 'enum' },
  trim: { types: new Set(['enum']), label: 'enum' },
  decimals: { types: new Set(['number']), label: 'number' },
  verified: { types: new Set(['boolean']), label: 'boolean' },
  // A file's list cannot hold a Date, and a date's value is one: no listed value could ever equal it. (TypeScript's
  // oneOf takes Dates, so it has no such limit.)
  oneOf: { types: LISTED, label: 'text, enum, integer, number, boolean and any' },
  notOneOf: { types: LISTED, label: 'text, enum, integer, number, boolean and any' },
  ...MODIFIER_TYPES,
};

/** The kind of a listed value (`oneOf`, `notOneOf`) a field's values can equal; `any` fields take every kind. */
const LIST_ITEM: Readonly<Partial<Record<FieldType, 'string' | 'integer' | 'number' | 'boolean'>>> = {
  text: 'string', enum: 'string', integer: 'integer', number: 'number', boolean: 'boolean',
};

/** What a field's build needs from the dataset. */
export interface FieldContext {
  /** The dataset's `communes` lists, loaded, for the `commune`/`communeCurrent` pack rules. */
  readonly communes?: readonly CommuneTable[] | undefined;
  /** The dataset's fields (the base's included) with their types, which pack options naming a column must name. */
  readonly fields?: ReadonlyMap<string, FieldType>;
}

/**
 * Builds one field spec from its (schema-checked) file form. Rules are added in the order of their keys in the file,
 * as a TypeScript chain adds them, so a file can reproduce any TypeScript definition's rule order (and its report);
 * `required`, `pii`, `missingValues`, `typeCheck`, `title`/`label` and `description` are not rules in that order.
 * @example buildField('owner_id', { type: 'text', required: true, vn: ['cccd', 'cccdPlausible'] }) // owner_id.cccd, owner_id.cccdPlausible
 */
export function buildField(name: string, f: DeclarativeField, context: FieldContext = {}): FieldSpecData {
  const at = (...rest: (string | number)[]): DefinitionPath => ['fields', name, ...rest];
  for (const key of Object.keys(ONLY)) {
    const only = ONLY[key];
    if (only !== undefined && Object.hasOwn(f, key) && !only.types.has(f.type)) {
      throw new DefinitionError(`applies to ${only.label} fields only, not ${f.type}`, at(key));
    }
  }
  if (f.title !== undefined && f.label !== undefined) throw new DefinitionError('title and label are the same; give one', at('label'));
  let s = _base(f, at);
  if (isOn(f.required)) s = s.required(ruleOptions(f.required));
  // One guard per field, shared by its rules, as the TypeScript built-ins share `readableText(field)`.
  let guard: ((row: TypedRow) => boolean) | undefined;
  const readable = () => (guard ??= readableText(name));
  for (const key of Object.keys(f)) s = _addRules(s, key, f, { name, at, readable, communes: context.communes, fields: context.fields, type: f.type });
  if (f.pii === true || f.pii === 'mask' || f.pii === 'hash') s = s.pii(f.pii === true ? 'mask' : f.pii);
  if (f.missingValues !== undefined) s = s.missing(f.missingValues === 'vn' ? VN_MISSING_VALUES : [...f.missingValues]);
  if (f.typeCheck !== undefined) s = s.typeCheck(ruleOptions(f.typeCheck));
  const title = f.title ?? f.label;
  if (title !== undefined) s = s.label(typeof title === 'string' ? title : { en: title.en, vi: title.vi });
  if (f.description !== undefined) s = s.describe(f.description);
  // What defineDataset would refuse (min above max), said here with the field's path.
  const problem = fieldProblem(s);
  if (problem !== undefined) throw new DefinitionError(problem, at());
  return s;
}

interface Ctx {
  readonly name: string;
  readonly at: (...rest: (string | number)[]) => DefinitionPath;
  readonly readable: () => (row: TypedRow) => boolean;
  readonly communes: readonly CommuneTable[] | undefined;
  readonly fields: ReadonlyMap<string, FieldType> | undefined;
  readonly type: FieldType;
}

/** Adds the rules of one key of the field (none for keys that are not rules). */
function _addRules(s: FieldSpec, key: string, f: DeclarativeField, c: Ctx): FieldSpec {
  const { at } = c;
  switch (key) {
    case 'pattern':
    case 'notPattern': {
      const p = f[key];
      if (p === undefined) return s;
      const [source, flags, o] = typeof p === 'string' ? [p, '', {}] : [p.value, p.flags ?? '', p];
      // Length-capped and refused when it can backtrack exponentially, with no `unsafe` escape from a file.
      const re = compilePattern(source, flags);
      if (typeof re === 'string') throw new DefinitionError(re, at(key));
      const trim = typeof p !== 'string' && p.trim === true;
      return s[key](re, { ...ruleOptions(o), ...(trim ? { trim } : {}) });
    }
    case 'oneOf':
    case 'notOneOf': {
      const list = f[key];
      if (list === undefined) return s;
      const [values, o] = Array.isArray(list) ? [list, {}] : [(list as { values: readonly unknown[] }).values, list];
      // An enum's `values` is already its oneOf rule: a second one without an id was refused as "rule id used twice".
      if (f.type === 'enum' && key === 'oneOf' && (o as { id?: string }).id === undefined) {
        throw new DefinitionError(`an enum field already checks its values (rule ${c.name}.oneOf): list the allowed ones in values, or give this list an id`, at(key));
      }
      _checkListed(values, f.type, Array.isArray(list) ? at(key) : at(key, 'values'));
      if (f.type === 'enum') _checkInEnum(values as readonly string[], f, Array.isArray(list) ? at(key) : at(key, 'values'));
      const ci = !Array.isArray(list) && (list as { caseInsensitive?: boolean }).caseInsensitive === true;
      const trim = !Array.isArray(list) && (list as { trim?: boolean }).trim === true;
      return s[key]([...values], { ...ruleOptions(o as object), ...(ci ? { caseInsensitive: true } : {}), ...(trim ? { trim } : {}) });
    }
    case 'min':
    case 'max': {
      const b = f[key];
      if (b === undefined) return s;
      const [value, o] = typeof b === 'object' ? [b.value, b] : [b, {}];
      const exclusive = typeof b === 'object' && b.exclusive === true;
      return s[key](_bound(value, f.type, at(key)), { ...ruleOptions(o), ...(exclusive ? { exclusive } : {}) });
    }
    case 'length': {
      if (f.length === undefined) return s;
      const { min, max } = f.length;
      if (min === undefined && max === undefined) throw new DefinitionError('needs min or max', at('length'));
      if (min !== undefined && max !== undefined && min > max) throw new DefinitionError(`min (${min}) is greater than max (${max})`, at('length'));
      return s.length({ ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) }, ruleOptions(f.length));
    }
    case 'unique': {
      if (!isOn(f.unique)) return s;
      const n = typeof f.unique === 'object' ? f.unique.normalize : undefined;
      return s.unique({ ...ruleOptions(f.unique), ...(n === undefined ? {} : { normalize: canonical[n] }) });
    }
    case 'trimmed': return isOn(f.trimmed) ? s.trimmed(ruleOptions(f.trimmed)) : s;
    case 'nfc': return isOn(f.nfc) ? s.nfc(ruleOptions(f.nfc)) : s;
    case 'notInFuture':
      // On an integer field the value is a year (a birth year): not after the year of the run's date.
      return isOn(f.notInFuture) ? s.notInFuture(ruleOptions(f.notInFuture)) : s;
    case 'within': {
      const w = f.within;
      if (w === undefined) return s;
      return 'maxAge' in w ? s.within(duration(w.maxAge), ruleOptions(w)) : s.within(duration(w));
    }
    case 'decimals': {
      const d = f.decimals;
      if (d === undefined) return s;
      return typeof d === 'number' ? s.use(maxDecimals(d)) : s.use(maxDecimals(d.max, ruleOptions(d)));
    }
    case 'verified': return isOn(f.verified) ? s.use(verified(ruleOptions(f.verified))) : s;
    case 'vn': return s.use(...(f.vn ?? []).map((r, i) => buildVnFieldRule(r, { field: c.name, type: c.type, communes: c.communes, fields: c.fields, readable: c.readable, path: at('vn', i) })));
    default: return s;
  }
}

function _base(f: DeclarativeField, at: (...rest: string[]) => DefinitionPath): FieldSpec {
  switch (f.type) {
    case 'text': return field.text();
    case 'integer': return field.integer();
    case 'number': return factoryError(() => field.number({
      ...(f.decimal === undefined ? {} : { decimal: f.decimal }),
      ...(f.thousands === undefined ? {} : { thousands: f.thousands }),
    }), at(f.thousands === undefined ? 'decimal' : 'thousands'));
    case 'date': {
      const format = f.format ?? 'yyyy-MM-dd';
      // The check field.date() makes, as a DefinitionError with the path rather than a plain Error.
      const problem = checkDateFormat(format);
      if (problem !== undefined) throw new DefinitionError(problem, at('format'));
      return field.date(format);
    }
    case 'datetime': return field.datetime();
    case 'boolean': return factoryError(() => field.boolean({
      ...(f.trueValues === undefined ? {} : { true: [...f.trueValues] }),
      ...(f.falseValues === undefined ? {} : { false: [...f.falseValues] }),
    }), at(f.trueValues === undefined || (f.falseValues !== undefined && f.trueValues.length > 0) ? 'falseValues' : 'trueValues'));
    case 'enum': return field.enum([...(f.values ?? [])], {
      ...(f.caseInsensitive === true ? { caseInsensitive: true } : {}), ...(f.trim === true ? { trim: true } : {}),
    }) as FieldSpec;
    case 'any': return field.any();
  }
}

/**
 * Refuses a listed value of another kind than the field's values: they are compared exactly, so `1` never equals the
 * text "1" and such a list would pass (notOneOf) or fail (oneOf) every value without a word.
 */
function _checkListed(values: readonly unknown[], type: FieldType, path: DefinitionPath): void {
  const kind = LIST_ITEM[type];
  if (kind === undefined) return;
  const bad = values.findIndex((v) => (kind === 'integer' ? !Number.isInteger(v) : typeof v !== kind));
  if (bad >= 0) throw new DefinitionError(`must be ${kind}, like the values of this ${type} field`, [...path, bad]);
}

/**
 * Refuses a listed value that is not one of an enum's values: such a value is `invalid_type` and never reaches the
 * list, so a `notOneOf: [Khac]` (for "Khác") never fired and a `oneOf` value could never be met.
 */
function _checkInEnum(values: readonly string[], f: DeclarativeField, path: DefinitionPath): void {
  const ci = f.caseInsensitive === true;
  const allowed = new Set((f.values ?? []).map((v) => (ci ? v.toLowerCase() : v)));
  const bad = values.findIndex((v) => !allowed.has(ci ? v.toLowerCase() : v));
  if (bad >= 0) throw new DefinitionError(`${JSON.stringify(values[bad])} is not one of the field's values, so it would never match`, [...path, bad]);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})?)?$/;

function _bound(value: DeclarativeBound, type: FieldType, path: DefinitionPath): number | Date {
  if (type === 'date' || type === 'datetime') {
    // Read as UTC, like date fields: a bound must not move with the machine's time zone.
    const naive = typeof value === 'string' && !/(?:Z|[+-]\d{2}:\d{2})$/.test(value);
    const iso = typeof value !== 'string' ? '' : value.length === 10 ? `${value}T00:00:00Z` : naive ? `${value}Z` : value;
    const d = typeof value === 'string' && ISO_DATE.test(value) ? new Date(iso) : undefined;
    if (d === undefined || Number.isNaN(d.getTime()) || (value as string).slice(0, 10) !== d.toISOString().slice(0, 10) && iso.endsWith('Z')) {
      throw new DefinitionError('must be an ISO date (yyyy-MM-dd) or date-time', path);
    }
    // A datetime bound without an offset is a wall-clock time, read in the run's zone as the values it bounds are.
    return type === 'datetime' && naive ? new WallClockDate(d.getTime()) : d;
  }
  if (typeof value !== 'number') throw new DefinitionError('must be number', path);
  return value;
}
