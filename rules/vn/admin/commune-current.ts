import { valueRule } from '../../../src/core/rule-base.js';
import type { MessageTable } from '../../../src/core/message.js';
import type { RuleOptions, ValueRule } from '../../../src/core/types.js';
import type { CommuneTable } from './parse-admin-units.js';
import { checkedTables, codeText, indexOf, standing } from './_codes.js';

const messages: MessageTable = {
  retired_commune_code: {
    en: '{field}: commune code "{value}" ({name}) is no longer used since {since}',
    vi: '{field}: mã xã, phường "{value}" ({name}) không còn sử dụng từ ngày {since}',
  },
};

/**
 * Data describing the present uses current commune codes (live, DOMAIN-VN §3): given dated lists (e.g. the pre-2025
 * list and the list from 1/7/2025, both loaded with `loadAdminUnits`), a code absent from the list in force at the
 * run's date (`ctx.today`) but present in an earlier one → `retired_commune_code`. The old → new mapping is many-to-many, so a
 * suggestion is given only when the old entry names exactly one successor. Codes in the current list (new codes reuse
 * old ones) and unknown codes (`commune`'s concern) pass.
 * @example field.text().use(vn.communeCurrent({ tables: [communes2008, communes2025] }))
 */
export function communeCurrent(options: RuleOptions & { readonly tables: readonly CommuneTable[] }): ValueRule {
  const tables = checkedTables('communeCurrent', options.tables ?? []);
  // A code is retired when it is only in a list older than the one in force: with fewer than two lists none can be,
  // and the rule would pass every row while its params name the list.
  if (tables.length < 2) {
    throw new Error('ddss: communeCurrent compares dated commune lists: give the list in force and at least one earlier ' +
      `list (given ${tables.length})`);
  }
  return valueRule({
    options: { tables: true }, name: 'communeCurrent', criterion: 'live', code: 'retired_commune_code', messages,
    params: { tables: tables.map((t) => t.version).join(', ') }, quotingParams: [],
  }, (v, ctx) => {
    const text = codeText(v);
    if (text === undefined) return undefined;
    const s = standing(tables, text, ctx.today);
    if (s.current !== undefined || s.retired === undefined || s.now === undefined) return undefined;
    const old = indexOf(s.retired).get(text);
    const only = old?.successors?.length === 1 ? old.successors[0] : undefined;
    return {
      code: 'retired_commune_code', ...(only === undefined ? {} : { suggestion: only }),
      params: { name: old?.name ?? '', since: s.now.validFrom },
    };
  }, options);
}
