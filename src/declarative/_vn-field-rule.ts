import type { FieldRule } from '../core/types.js';
import { DefinitionError } from './definition-error.js';
import { ruleOptions } from './_options.js';
import { packOptions } from './_options-spec.js';
import { GUARD_OPTION, VN_FIELD_RULES, type VnFieldContext } from './_vn-field-rules.js';
import type { DeclarativeVnRule } from './format.js';
import { factoryError } from './_factory-error.js';
import { TEXTUAL, checkColumnKind } from './_column-kinds.js';

/**
 * Builds one entry of a field's `vn` list — a pack rule's name, or a one-key map of the name to its options — with
 * the same factory, options and rule id (`field.name`) as `field.text().use(vn.name(options))` in TypeScript.
 * @example buildVnFieldRule({ mst: { acceptPersonalId: false } }, ctx) // the rule of vn.mst({ acceptPersonalId: false })
 */
export function buildVnFieldRule(entry: DeclarativeVnRule, ctx: VnFieldContext): FieldRule {
  const [name, given] = typeof entry === 'string' ? [entry, {}] : (Object.entries(entry)[0] ?? ['', {}]);
  const spec = Object.hasOwn(VN_FIELD_RULES, name) ? VN_FIELD_RULES[name] : undefined;
  if (spec === undefined) throw new DefinitionError(`unknown Vietnamese-pack rule "${name}"`, ctx.path);
  const o = (given ?? {}) as Readonly<Record<string, unknown>>;
  const path = typeof entry === 'string' ? ctx.path : [...ctx.path, name];
  // A rule reading text passed every value of a date or boolean field, and judged an integer field's values after
  // their leading zeros were gone: refused, as `min` on a text field is.
  const kind = spec.types ?? TEXTUAL;
  if (!kind.types.has(ctx.type)) {
    const why = spec.elsewhere ?? (ctx.type === 'integer' || ctx.type === 'number'
      ? 'identifiers and codes are text: a number has lost its leading zeros; declare the field type: text' : undefined);
    throw new DefinitionError(`${name} applies to ${kind.label} fields, not ${ctx.type}${why === undefined ? '' : ` (${why})`}`, ctx.path);
  }
  for (const [key, option] of Object.entries(spec.options)) {
    const v = o[key];
    // A misspelt column would leave the rule judging every row as if the column were empty: an error instead.
    if (option.column === true && ctx.fields !== undefined && typeof v === 'string') {
      if (!ctx.fields.has(v)) throw new DefinitionError(`unknown field "${v}"`, [...path, key]);
      checkColumnKind(v, ctx.fields, option.columnKind, [...path, key]);
    }
  }
  const guard = spec.guardable === true && o[GUARD_OPTION] === true ? { when: ctx.readable() } : {};
  const options = { ...ruleOptions(o), ...packOptions(o, spec.options, path), ...guard };
  return factoryError(() => spec.build(options, { ...ctx, path }), path);
}
