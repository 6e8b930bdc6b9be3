import { field, type FieldSpec } from '../field.js';
import type { FieldSpecData, FieldType } from '../core/types.js';
import { DefinitionError, type DefinitionPath } from './definition-error.js';
import { compilePattern } from './_regex.js';
import { checkDateFormat } from '../core/check-date-format.js';
import { duration, isOn, ruleOptions } from './_options.js';
import type { DeclarativeBound, DeclarativeField } from './format.js';

const ORDERED: ReadonlySet<FieldType> = new Set(['integer', 'number', 'date', 'datetime']);
const DATED: ReadonlySet<FieldType> = new Set(['date', 'datetime']);
const TEXTUAL: ReadonlySet<FieldType> = new Set(['text', 'enum', 'any']);

// Keys that only make sense for some types; a steward who puts `format` on a text field has made a mistake.
const ONLY: Readonly<Record<string, { types: ReadonlySet<FieldType>; label: string }>> = {
  format: { types: new Set(['date']), label: 'date' },
  decimal: { types: new Set(['number']), label: 'number' },
  thousands: { types: new Set(['number']), label: 'number' },
  trueValues: { types: new Set(['boolean']), label: 'boolean' },
  falseValues: { types: new Set(['boolean']), label: 'boolean' },
  values: { types: new Set(['enum']), label: 'enum' },
  caseInsensitive: { types: new Set(['enum']), label: 'enum' },
  min: { types: ORDERED, label: 'integer, number, date and datetime' },
  max: { types: ORDERED, label: 'integer, number, date and datetime' },
  notInFuture: { types: DATED, label: 'date and datetime' },
  within: { types: DATED, label: 'date and datetime' },
  length: { types: TEXTUAL, label: 'text, enum and any' },
  trimmed: { types: TEXTUAL, label: 'text, enum and any' },
  nfc: { types: TEXTUAL, label: 'text, enum and any' },
};

/**
 * Builds one field spec from its (schema-checked) file form, adding the modifiers in a fixed order so the rule
 * order in reports does not depend on key order in the file.
 */
export function buildField(name: string, f: DeclarativeField): FieldSpecData {
  const at = (...rest: (string | number)[]): DefinitionPath => ['fields', name, ...rest];
  for (const key of Object.keys(ONLY)) {
    const only = ONLY[key];
    if (only !== undefined && Object.hasOwn(f, key) && !only.types.has(f.type)) {
      throw new DefinitionError(`applies to ${only.label} fields only, not ${f.type}`, at(key));
    }
  }
  let s = _base(f, at);
  if (isOn(f.required)) s = s.required(ruleOptions(f.required));
  if (f.pattern !== undefined) {
    const [source, flags, o] = typeof f.pattern === 'string' ? [f.pattern, '', {}] : [f.pattern.value, f.pattern.flags ?? '', f.pattern];
    const re = compilePattern(source, flags);
    if (typeof re === 'string') throw new DefinitionError(re, at('pattern'));
    s = s.pattern(re, ruleOptions(o));
  }
  for (const key of ['oneOf', 'notOneOf'] as const) {
    const list = f[key];
    if (list === undefined) continue;
    const [values, o] = Array.isArray(list) ? [list, {}] : [(list as { values: readonly unknown[] }).values, list];
    const ci = !Array.isArray(list) && (list as { caseInsensitive?: boolean }).caseInsensitive === true;
    s = s[key]([...values], { ...ruleOptions(o as object), ...(ci ? { caseInsensitive: true } : {}) });
  }
  for (const key of ['min', 'max'] as const) {
    const b = f[key];
    if (b === undefined) continue;
    const [value, o] = typeof b === 'object' ? [b.value, b] : [b, {}];
    const exclusive = typeof b === 'object' && b.exclusive === true;
    s = s[key](_bound(value, f.type, at(key)), { ...ruleOptions(o), ...(exclusive ? { exclusive } : {}) });
  }
  if (f.length !== undefined) {
    const { min, max } = f.length;
    if (min === undefined && max === undefined) throw new DefinitionError('needs min or max', at('length'));
    if (min !== undefined && max !== undefined && min > max) throw new DefinitionError('min is greater than max', at('length'));
    s = s.length({ ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) }, ruleOptions(f.length));
  }
  if (isOn(f.unique)) s = s.unique(ruleOptions(f.unique));
  if (isOn(f.trimmed)) s = s.trimmed(ruleOptions(f.trimmed));
  if (isOn(f.nfc)) s = s.nfc(ruleOptions(f.nfc));
  if (isOn(f.notInFuture)) s = s.notInFuture(ruleOptions(f.notInFuture));
  if (f.within !== undefined) {
    const w = f.within;
    s = 'maxAge' in w ? s.within(duration(w.maxAge), ruleOptions(w)) : s.within(duration(w));
  }
  if (f.pii === true || f.pii === 'mask' || f.pii === 'hash') s = s.pii(f.pii === true ? 'mask' : f.pii);
  if (f.missingValues !== undefined) s = s.missing([...f.missingValues]);
  if (f.typeCheck !== undefined) s = s.typeCheck(ruleOptions(f.typeCheck));
  if (f.title !== undefined) s = s.label(typeof f.title === 'string' ? f.title : { en: f.title.en, vi: f.title.vi });
  if (f.description !== undefined) s = s.describe(f.description);
  return s;
}

function _base(f: DeclarativeField, at: (...rest: string[]) => DefinitionPath): FieldSpec {
  switch (f.type) {
    case 'text': return field.text();
    case 'integer': return field.integer();
    case 'number': return field.number({
      ...(f.decimal === undefined ? {} : { decimal: f.decimal }),
      ...(f.thousands === undefined ? {} : { thousands: f.thousands }),
    });
    case 'date': {
      const format = f.format ?? 'yyyy-MM-dd';
      // The check field.date() makes, as a DefinitionError with the path rather than a plain Error.
      const problem = checkDateFormat(format);
      if (problem !== undefined) throw new DefinitionError(problem, at('format'));
      return field.date(format);
    }
    case 'datetime': return field.datetime();
    case 'boolean': return field.boolean({
      ...(f.trueValues === undefined ? {} : { true: [...f.trueValues] }),
      ...(f.falseValues === undefined ? {} : { false: [...f.falseValues] }),
    });
    case 'enum': return field.enum([...(f.values ?? [])], f.caseInsensitive === true ? { caseInsensitive: true } : {}) as FieldSpec;
    case 'any': return field.any();
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})?)?$/;

function _bound(value: DeclarativeBound, type: FieldType, path: DefinitionPath): number | Date {
  if (DATED.has(type)) {
    // Read as UTC, like date fields: a bound must not move with the machine's time zone.
    const iso = typeof value !== 'string' ? '' : value.length === 10 ? `${value}T00:00:00Z` : /(?:Z|[+-]\d{2}:\d{2})$/.test(value) ? value : `${value}Z`;
    const d = typeof value === 'string' && ISO_DATE.test(value) ? new Date(iso) : undefined;
    if (d === undefined || Number.isNaN(d.getTime()) || (value as string).slice(0, 10) !== d.toISOString().slice(0, 10) && iso.endsWith('Z')) {
      throw new DefinitionError('must be an ISO date (yyyy-MM-dd) or date-time', path);
    }
    return d;
  }
  if (typeof value !== 'number') throw new DefinitionError('must be number', path);
  return value;
}
