import type { DatasetRule, FieldRule, FieldSpecData, RuleOptions } from '../core/types.js';
import { DefinitionError } from './definition-error.js';
import { ruleOptions } from './_options.js';
import type { DeclarativeRuleOptions } from './format.js';

type Options = Omit<RuleOptions, 'id' | 'when'>;

/**
 * Applies a file's `drop` (rule ids removed) and `override` (rule options changed by id) to fields and dataset rules,
 * returning new ones. Ids are those of the report: `field.type`, `field.required`, `field.<rule>` (or the rule's own
 * id), and a dataset rule's id or name. An id that names no rule is an error naming the path (`drop[1]`), so a typo
 * never leaves a rule silently in force.
 * @example applyOverrides(fields, rules, { override: { 'owner_id.cccd': { severity: 'warning' } }, drop: ['owner_name.vnName'] })
 */
export function applyOverrides(fields: Record<string, FieldSpecData>, rules: readonly DatasetRule[], changes: {
  readonly override?: Readonly<Record<string, DeclarativeRuleOptions>> | undefined;
  readonly drop?: readonly string[] | undefined;
}): { fields: Record<string, FieldSpecData>; rules: DatasetRule[] } {
  const pending = new Map<string, { options?: Options; drop?: boolean; path: (string | number)[] }>();
  (changes.drop ?? []).forEach((id, i) => {
    // As a key given twice in one object is refused: the second entry was accepted silently, and said nothing more.
    const first = pending.get(id);
    if (first !== undefined) throw new DefinitionError(`rule "${id}" is dropped twice (first at drop[${String(first.path[1])}])`, ['drop', i]);
    pending.set(id, { drop: true, path: ['drop', i] });
  });
  for (const [id, o] of Object.entries(changes.override ?? {})) {
    if (pending.has(id)) throw new DefinitionError(`rule "${id}" is both dropped and overridden`, ['override', id]);
    const { id: _id, ...options } = ruleOptions(o);
    pending.set(id, { options, path: ['override', id] });
  }
  const seen = new Set<string>();
  const take = (id: string) => {
    const p = pending.get(id);
    if (p !== undefined) seen.add(id);
    return p;
  };
  const outFields = Object.create(null) as Record<string, FieldSpecData>;
  for (const [name, spec] of Object.entries(fields)) {
    const type = take(`${name}.type`);
    if (type?.drop === true) throw new DefinitionError('a field\'s type check cannot be dropped (drop the field\'s rules, or set columns: ignore)', type.path);
    const req = spec.requiredRule === undefined ? undefined : take(`${name}.required`);
    const fieldRules: FieldRule[] = [];
    for (const r of spec.rules) {
      const p = take(r.id ?? `${name}.${r.name}`);
      if (p?.drop !== true) fieldRules.push(p?.options === undefined ? r : { ...r, ...p.options } as FieldRule);
    }
    outFields[name] = {
      ...spec,
      rules: fieldRules,
      typeRule: type?.options === undefined ? spec.typeRule : { ...spec.typeRule, ...type.options },
      requiredRule: req?.drop === true || spec.requiredRule === undefined ? (req?.drop === true ? undefined : spec.requiredRule)
        : req?.options === undefined ? spec.requiredRule : { options: { ...spec.requiredRule.options, ...req.options } },
    };
  }
  const outRules: DatasetRule[] = [];
  for (const r of rules) {
    const p = take(r.id ?? r.name);
    if (p?.drop !== true) outRules.push(p?.options === undefined ? r : { ...r, ...p.options } as DatasetRule);
  }
  for (const [id, p] of pending) {
    if (!seen.has(id)) throw new DefinitionError(`no rule has the id "${id}"`, p.path);
  }
  return { fields: outFields, rules: outRules };
}
