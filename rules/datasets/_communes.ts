import type { ValueRule } from '../../src/core/types.js';
import { commune } from '../vn/admin/commune.js';
import { communeCurrent } from '../vn/admin/commune-current.js';
import type { CommuneTable } from '../vn/admin/parse-admin-units.js';

/** Options of the built-in registers. */
export interface RegisterOptions {
  /**
   * Commune lists loaded with `loadAdminUnits` (DOMAIN-VN §3.3: they are loaded, never shipped). Without them commune
   * codes are checked for format only, and the rule's params say so. One list: codes must be in it and belong to the
   * row's province. Several dated lists (e.g. 2008 and 2025): codes must be in one of them, in the row's province in
   * one of them, and a code only in an earlier list is reported as live (`communeCurrent`).
   */
  readonly communes?: CommuneTable | readonly CommuneTable[];
}

/** The keys of `RegisterOptions`: a built-in's `…With(options)` refuses any other (`comunes` was ignored). */
export const REGISTER_OPTION_KEYS: readonly string[] = Object.keys({ communes: true } satisfies Record<keyof RegisterOptions, true>);

/** The commune-code rules for a register's options. */
export function communeRules(options: RegisterOptions): ValueRule[] {
  const given = options.communes;
  if (given === undefined) return [commune()];
  const tables: readonly CommuneTable[] = Array.isArray(given) ? given : [given as CommuneTable];
  if (tables.length === 1) return [commune({ table: tables[0] as CommuneTable, provinceField: 'province_code' })];
  return [commune({ tables, provinceField: 'province_code' }), communeCurrent({ tables })];
}
