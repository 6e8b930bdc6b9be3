import { rule } from '../rule.js';
import type { DatasetRule } from '../core/types.js';
import { DefinitionError } from './definition-error.js';
import { duration, ruleOptions } from './_options.js';
import type { DeclarativeRule } from './format.js';

/**
 * Builds one dataset rule from its (schema-checked) file form. Columns must be declared fields: dataset rules read
 * the typed row, so an undeclared column would silently never match.
 */
export function buildRule(r: DeclarativeRule, index: number, fields: ReadonlySet<string>): DatasetRule {
  const known = (column: string, key: string, at?: number) => {
    if (!fields.has(column)) {
      throw new DefinitionError(`unknown field "${column}"`, ['rules', index, key, ...(at === undefined ? [] : [at])]);
    }
    return column;
  };
  const o = ruleOptions(r);
  switch (r.type) {
    case 'rowCount':
      if (r.min !== undefined && r.max !== undefined && r.min > r.max) throw new DefinitionError('min is greater than max', ['rules', index]);
      return rule.rowCount({ ...(r.min === undefined ? {} : { min: r.min }), ...(r.max === undefined ? {} : { max: r.max }) }, o);
    case 'uniqueBy':
      return rule.uniqueBy(r.columns.map((c, i) => known(c, 'columns', i)), o);
    case 'freshness':
      return rule.freshness(known(r.column, 'column'), duration(r.maxAge), o);
    case 'coverage':
      return rule.coverage(known(r.column, 'column'), [...r.expected], o);
    case 'noOverlap': {
      const entity = typeof r.entity === 'string' ? known(r.entity, 'entity') : r.entity.map((c, i) => known(c, 'entity', i));
      return rule.noOverlap(entity, known(r.from, 'from'), known(r.to, 'to'), o);
    }
    case 'reference':
      return rule.reference(known(r.column, 'column'), [...r.values], { ...o, ...(r.name === undefined ? {} : { name: r.name }) });
  }
}
