import { rule } from '../rule.js';
import { ref } from '../reference/ref.js';
import type { DatasetRule, FieldType } from '../core/types.js';
import { DefinitionError } from './definition-error.js';
import { duration, ruleOptions } from './_options.js';
import type { DeclarativeRule, DeclarativeRuleOptions, DeclarativeVnDatasetRule } from './format.js';
import { packOptions } from './_options-spec.js';
import { canonical } from '../../rules/vn/canonical.js';
import { RULE_ID_KEY, VN_DATASET_RULES, columnKey } from './_vn-dataset-rules.js';
import { factoryError } from './_factory-error.js';
import { DATES, checkColumnKind, type ColumnKind } from './_column-kinds.js';
import { fieldKindsOf } from '../core/field-kinds.js';

type Known = (column: string, key: string, at?: number, kind?: ColumnKind) => string;

/**
 * Builds one dataset rule from its (schema-checked) file form. Columns must be declared fields (dataset rules read
 * the typed row, so an undeclared column would silently never match), and of a type the rule reads: freshness on a
 * text column never sees a date and was skipped on every run.
 */
export function buildRule(r: DeclarativeRule, index: number, fields: ReadonlyMap<string, FieldType>): DatasetRule | readonly DatasetRule[] {
  const known: Known = (column, key, at, kind) => {
    const path = ['rules', index, key, ...(at === undefined ? [] : [at])];
    if (!fields.has(column)) throw new DefinitionError(`unknown field "${column}"`, path);
    checkColumnKind(column, fields, kind, path);
    return column;
  };
  if (r.type.startsWith('vn.')) return _vnRule(r as DeclarativeVnDatasetRule, index, known);
  const o = ruleOptions(r as DeclarativeRuleOptions);
  const d = r as Exclude<DeclarativeRule, DeclarativeVnDatasetRule>;
  switch (d.type) {
    case 'rowCount':
      if (d.min === undefined && d.max === undefined) throw new DefinitionError('needs min or max', ['rules', index]);
      if (d.min !== undefined && d.max !== undefined && d.min > d.max) throw new DefinitionError(`min (${d.min}) is greater than max (${d.max})`, ['rules', index]);
      return rule.rowCount({ ...(d.min === undefined ? {} : { min: d.min }), ...(d.max === undefined ? {} : { max: d.max }) }, o);
    case 'uniqueBy': {
      const columns = d.columns.map((c, i) => known(c, 'columns', i));
      const n = d.normalize;
      if (n === undefined) return rule.uniqueBy(columns, o);
      if (typeof n === 'string') return rule.uniqueBy(columns, { ...o, normalize: canonical[n] });
      const forms: Record<string, (value: string) => string> = {};
      for (const [column, form] of Object.entries(n)) {
        if (!columns.includes(column)) throw new DefinitionError(`"${column}" is not one of the columns`, ['rules', index, 'normalize', column]);
        forms[column] = canonical[form];
      }
      return rule.uniqueBy(columns, { ...o, normalize: forms });
    }
    case 'freshness':
      return rule.freshness(known(d.column, 'column', undefined, DATES), duration(d.maxAge), o);
    case 'coverage':
      return rule.coverage(known(d.column, 'column'), [...d.expected], o);
    case 'noOverlap': {
      const entity = typeof d.entity === 'string' ? known(d.entity, 'entity') : d.entity.map((c, i) => known(c, 'entity', i));
      return rule.noOverlap(entity, known(d.from, 'from', undefined, DATES), known(d.to, 'to', undefined, DATES), o);
    }
    case 'reference':
      return rule.reference(known(d.column, 'column'), [...d.values], { ...o, ...(d.name === undefined ? {} : { name: d.name }) });
    case 'foreignKey': {
      const columns = d.columns.map((c, i) => known(c, 'columns', i));
      return factoryError(() => rule.foreignKey(columns, ref(d.reference), d.referenceColumns ?? columns,
        { ...o, ...(d.missing === undefined ? {} : { missing: d.missing }) }), ['rules', index]);
    }
  }
}

/** A `vn.*` dataset rule: the pack factory called with the file's columns and options, as in TypeScript. */
function _vnRule(r: DeclarativeVnDatasetRule, index: number, known: Known): DatasetRule | readonly DatasetRule[] {
  const name = r.type.slice(3);
  const spec = Object.hasOwn(VN_DATASET_RULES, name) ? VN_DATASET_RULES[name] : undefined;
  if (spec === undefined) throw new DefinitionError(`unknown Vietnamese-pack rule "${r.type}"`, ['rules', index, 'type']);
  const columns: Record<string, unknown> = {};
  for (const key of spec.columns) columns[key] = known(r[columnKey(spec, key)] as string, columnKey(spec, key));
  const list = spec.columnList === undefined ? [] : r[spec.columnList] as readonly string[];
  if (spec.columnList !== undefined) columns[spec.columnList] = list.map((c, i) => known(c, spec.columnList as string, i));
  const id = r[RULE_ID_KEY];
  const { id: _ignored, ...common } = ruleOptions(r as DeclarativeRuleOptions);
  const options: Record<string, unknown> = { ...common, ...(typeof id === 'string' ? { id } : {}), ...packOptions(r, spec.options, ['rules', index]) };
  // Options naming a column (verifyPerson's birthYear) are read from the row: an unknown one would never match.
  for (const [key, o] of Object.entries(spec.options)) {
    if (o.column === true && typeof options[key] === 'string') known(options[key] as string, key, undefined, o.columnKind);
  }
  const built = factoryError(() => spec.build(columns, options), ['rules', index]);
  // The field kinds are the rule's own (as `defineDataset` checks them), read back to name the file key of a column
  // the rule cannot read: a date rule given a text column never sees a Date and passed every row.
  for (const one of Array.isArray(built) ? built as readonly DatasetRule[] : [built as DatasetRule]) {
    const kinds = fieldKindsOf(one);
    const kindOf = (column: string) => (Object.hasOwn(kinds, column) ? kinds[column] : undefined);
    for (const key of spec.columns) {
      const column = r[columnKey(spec, key)] as string;
      known(column, columnKey(spec, key), undefined, kindOf(column));
    }
    list.forEach((c, i) => known(c, spec.columnList as string, i, kindOf(c)));
  }
  return built;
}
