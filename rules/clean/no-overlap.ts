import { aggregateRule } from '../../src/core/rule-base.js';
import { identity } from './_duplicates.js';
import type { AggregateRule, DatasetFinding, MergeOffset, RuleOptions, TypedRow } from '../../src/core/types.js';

interface Period {
  from: number;
  to: number;
  row: number;
  line: number | undefined;
  key: string | undefined;
}

type State = Map<string, Period[]>;

/**
 * The validity periods of one entity do not overlap (one person, one active card; one parcel, one current owner).
 * `to` missing means open-ended. Periods are closed: one ending on the day the next starts overlaps. Every row in an
 * overlap fails. Rows with a missing entity key or start, or an end before the start, are skipped. No entity column
 * throws when the rule is built (every row would be one entity).
 * @example rule.noOverlap('bhxh_no', 'card_valid_from', 'card_valid_to')
 */
export function noOverlap(entityKey: string | readonly string[], from: string, to: string, options: RuleOptions = {}): AggregateRule<State, TypedRow> {
  const keys = typeof entityKey === 'string' ? [entityKey] : [...entityKey];
  if (keys.length === 0) throw new Error('ddss: noOverlap needs at least one entity column');
  return aggregateRule<State, TypedRow>({
    name: `${keys.join('+')}.noOverlap`, criterion: 'clean', code: 'overlapping_period', fields: [...keys, from],
    params: { entity: keys.join(', '), from, to },
  }, {
    init: () => new Map(),
    add(state, row, ctx) {
      const start = row[from];
      const end = row[to];
      if (!(start instanceof Date)) return;
      // An inverted period (end before start) is no period at all; ordering rules report it.
      if (end instanceof Date && end.getTime() < start.getTime()) return;
      const entity = keys.map((k) => identity(row[k])).join('\u0000');
      const period = { from: start.getTime(), to: end instanceof Date ? end.getTime() : Infinity, row: ctx.row, line: ctx.line, key: ctx.key() };
      const list = state.get(entity);
      if (list === undefined) state.set(entity, [period]);
      else list.push(period);
    },
    merge(a, b, offset: MergeOffset) {
      for (const [entity, list] of b) {
        const shifted = list.map((p) => ({ ...p, row: p.row + offset.rows, line: p.line === undefined ? undefined : p.line + offset.lines }));
        const mine = a.get(entity);
        if (mine === undefined) a.set(entity, shifted);
        else for (const p of shifted) mine.push(p); // not spread: an entity's periods are unbounded
      }
      return a;
    },
    finish(state) {
      const findings: DatasetFinding[] = [];
      let checked = 0;
      for (const list of state.values()) {
        checked += list.length;
        if (list.length < 2) continue;
        // Sweep by start: a cluster is a run of periods each starting before the furthest end so far. Every member
        // of a cluster of two or more overlaps at least one other, and clusters do not depend on row order.
        const sorted = [...list].sort((x, y) => x.from - y.from || x.row - y.row);
        const bad: Period[] = [];
        let cluster: Period[] = [];
        let reach = -Infinity;
        for (const p of sorted) {
          if (p.from > reach) {
            if (cluster.length > 1) for (const q of cluster) bad.push(q);
            cluster = [];
          }
          cluster.push(p);
          reach = Math.max(reach, p.to);
        }
        if (cluster.length > 1) for (const q of cluster) bad.push(q);
        for (const p of bad) {
          findings.push({ code: 'overlapping_period', row: p.row, field: from, value: new Date(p.from).toISOString().slice(0, 10),
            ...(p.line === undefined ? {} : { line: p.line }), ...(p.key === undefined ? {} : { key: p.key }) });
        }
      }
      return { checked, findings };
    },
  }, options);
}
