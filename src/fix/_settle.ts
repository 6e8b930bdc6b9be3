import type { Plan } from '../core/compile.js';
import type { Report, Violation } from '../core/types.js';
import type { Candidate, Decision } from './_resolve.js';

/** The ids of a plan's aggregate rules (uniqueness and other whole-table checks that name rows). */
export function aggregateIds(plan: Plan): ReadonlySet<string> {
  return new Set(plan.slots.filter((s) => s.kind === 'aggregate').map((s) => s.id));
}

/** A finding of an aggregate rule on a row, as a key `row rule field`; undefined for any other finding. */
export function aggregateKey(ids: ReadonlySet<string>, v: Violation): string | undefined {
  return !ids.has(v.rule) || v.row === undefined ? undefined : `${v.row}\t${v.rule}\t${v.field ?? ''}`;
}

/**
 * Validates the fixed file until no fix makes an aggregate rule fail that held: a fixed cell that creates a duplicate
 * (`unique`, `uniqueBy`) is put back and logged `breaks_rule`, and the file is validated again (each round puts back
 * at least one fix, so this ends). Records are judged one by one before this; only the whole file can tell a
 * duplicate. Returns the report of the file as finally fixed.
 */
export async function settle(plan: Plan, decisions: Map<Candidate, Decision[]>, before: ReadonlySet<string>,
  validateFixed: (onViolation: (v: Violation) => void) => Promise<Report>): Promise<Report> {
  const ids = aggregateIds(plan);
  for (;;) {
    const fixedRows = new Map<number, Candidate>();
    for (const [c, ds] of decisions) if (ds.some((d) => d.status === 'fixed')) fixedRows.set(c.row, c);
    const fresh = new Map<Candidate, Array<{ rule: string; fields: readonly string[] | undefined }>>();
    const report = await validateFixed((v) => {
      const key = aggregateKey(ids, v);
      const c = v.row === undefined ? undefined : fixedRows.get(v.row);
      if (key === undefined || c === undefined || before.has(key)) return;
      const list = fresh.get(c) ?? [];
      list.push({ rule: v.rule, fields: v.field === undefined ? undefined : v.field.split(', ') });
      fresh.set(c, list);
    });
    let undone = 0;
    for (const [c, found] of fresh) {
      const ds = decisions.get(c) ?? [];
      const hit = (d: Decision): string[] => found.filter((f) => f.fields === undefined || f.fields.includes(d.field)).map((f) => f.rule);
      decisions.set(c, ds.map((d) => {
        const rules = d.status === 'fixed' ? [...new Set(hit(d))].sort() : [];
        if (rules.length === 0) return d;
        undone++;
        return { field: d.field, before: d.before, status: 'not_fixed', reason: 'breaks_rule', path: d.path, detail: rules.join(', ') };
      }));
    }
    if (undone === 0) return report;
  }
}
