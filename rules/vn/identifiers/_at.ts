import type { RuleContext } from '../../../src/core/types.js';
import { tableAt, type DatedTable } from '../tables/dated.js';

/** How a rule chooses the dated table it checks against. */
export interface DatedOptions<E> {
  /** The dated tables to choose from (default: the shipped ones). */
  readonly tables?: readonly DatedTable<E>[];
  /** A date field of the record that selects the table (e.g. the card's valid-from). */
  readonly dateField?: string;
  /** A fixed date that selects the table when `dateField` is absent or empty. Default: the run's date (`ctx.today`). */
  readonly at?: Date;
}

/** The table in force for this row: at the record's `dateField` when it holds a valid date, else `at`, else the run's date. */
export function tableFor<E>(options: DatedOptions<E>, fallback: readonly DatedTable<E>[], ctx: RuleContext):
  DatedTable<E> | undefined {
  const v = options.dateField === undefined ? undefined : ctx.record[options.dateField];
  const date = v instanceof Date && !Number.isNaN(v.getTime()) ? v : options.at ?? ctx.today;
  return tableAt(options.tables ?? fallback, date);
}
