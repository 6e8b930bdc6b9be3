import type { RuleContext } from '../../../src/core/types.js';
import { checkDatedTables, tableAt, type DatedTable } from '../tables/dated.js';

/** How a rule chooses the dated table it checks against. */
export interface DatedOptions<E> {
  /** The dated tables to choose from (default: the shipped ones). */
  readonly tables?: readonly DatedTable<E>[];
  /** A date field of the record that selects the table (e.g. the card's valid-from). */
  readonly dateField?: string;
  /** A fixed date that selects the table when `dateField` is absent or empty. Default: the run's date (`ctx.today`). */
  readonly at?: Date;
}

/** The keys of `DatedOptions`, as the rules that take them declare them (see `RuleMeta.options`). */
export const DATED_OPTIONS: Readonly<Record<keyof DatedOptions<unknown>, true>> = { tables: true, dateField: true, at: true };

/** The table in force for this row: at the record's `dateField` when it holds a valid date, else `at`, else the run's date. */
export function tableFor<E>(options: DatedOptions<E>, fallback: readonly DatedTable<E>[], ctx: RuleContext):
  DatedTable<E> | undefined {
  const v = options.dateField === undefined ? undefined : ctx.record[options.dateField];
  const date = v instanceof Date && !Number.isNaN(v.getTime()) ? v : options.at ?? ctx.today;
  return tableAt(options.tables ?? fallback, date);
}

/**
 * Throws for dated options no day could come of: an `at` that is no valid Date (it chose no table, so every value
 * passed), or a table of the caller's own whose period is no calendar day (see `checkDatedTables`).
 * @example checkDatedOptions('bhytObjectCode', { at: new Date('soon') }) // throws
 */
export function checkDatedOptions<E>(rule: string, options: DatedOptions<E>): void {
  const { at } = options;
  if (at !== undefined && !(at instanceof Date && !Number.isNaN(at.getTime()))) {
    throw new Error(`ddss: ${rule}: at must be a valid Date, got ${at instanceof Date ? 'an Invalid Date' : typeof at}`);
  }
  checkDatedTables(rule, options.tables);
}
