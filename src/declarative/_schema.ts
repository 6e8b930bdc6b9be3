import type * as Ajv2020Module from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { lazyRequire } from '../core/lazy-require.js';
import schema from '../../schema/dataset.schema.json' with { type: 'json' };
import { DefinitionError, type DefinitionPath } from './definition-error.js';
import { nearest } from '../core/nearest.js';
import type { DeclarativeDataset } from './format.js';

let compiled: ValidateFunction | undefined;
// Loaded when the first definition file is checked (see lazyRequire).
const ajv2020 = lazyRequire<typeof Ajv2020Module>('ajv/dist/2020.js');

// Compiled on first use and kept: compiling the schema costs far more than checking a file. Unknown keywords are
// errors (a typo in the schema must not silently accept everything); union types and `required` under `if` are
// deliberate, so those strict-mode style checks are off.
function validator(): ValidateFunction {
  // verbose: each error carries the schema object it failed in (the keys a "did you mean" chooses from) and the value.
  compiled ??= new (ajv2020().Ajv2020)({ allErrors: true, verbose: true, strictSchema: true, strictTypes: false, strictRequired: false, strictTuples: false })
    .compile(schema);
  return compiled;
}

/**
 * Checks parsed file content against `schema/dataset.schema.json`; throws a `DefinitionError` naming the most
 * specific problem (the deepest path), so the steward sees `fields.area_m2.min: must be number`, not a list of
 * every branch ajv tried.
 */
export function checkSchema(data: unknown): asserts data is DeclarativeDataset {
  const check = validator();
  if (check(data)) return;
  const errors = (check.errors ?? []).filter((e) => !COMBINATORS.has(e.keyword));
  const deepest = errors.reduce<ErrorObject | undefined>((a, e) => (a === undefined || depth(e) > depth(a) ? e : a), undefined);
  if (deepest === undefined) throw new DefinitionError('does not match the dataset schema');
  const best = misspeltRequired(deepest, errors) ?? deepest;
  throw new DefinitionError(describe(best), pointer(best.instancePath));
}

/**
 * `feilds:` for `fields:`, `colums:` for `columns:`: the missing key and the unknown one are the same mistake, and
 * "missing required key" alone sent the steward looking for a key they had written. The unknown key's error is the
 * one to show (it says "did you mean"), when it is a slip of the missing key's name at the same place.
 */
function misspeltRequired(best: ErrorObject, errors: readonly ErrorObject[]): ErrorObject | undefined {
  if (best.keyword !== 'required') return undefined;
  const missing = String((best.params as { missingProperty?: unknown }).missingProperty);
  return errors.find((e) => e.instancePath === best.instancePath && nearest(unknownKeyOf(e) ?? '', [missing]) !== undefined);
}

function unknownKeyOf(e: ErrorObject): string | undefined {
  const p = e.params as { additionalProperty?: unknown; unevaluatedProperty?: unknown };
  if (e.keyword === 'additionalProperties') return String(p.additionalProperty);
  if (e.keyword === 'unevaluatedProperties') return String(p.unevaluatedProperty);
  return undefined;
}

// Errors that only say "a branch failed"; the branch's own error is more useful.
const COMBINATORS = new Set(['if', 'anyOf', 'oneOf', 'allOf', 'not', '$ref']);

function pointer(p: string): DefinitionPath {
  if (p === '') return [];
  return p.slice(1).split('/').map((s) => {
    const seg = s.replace(/~1/g, '/').replace(/~0/g, '~');
    return /^(0|[1-9]\d*)$/.test(seg) ? Number(seg) : seg;
  });
}

function depth(e: ErrorObject): number {
  const own = pointer(e.instancePath).length;
  // A missing or unknown key is about a child of the path, so it outranks a type error of the parent's branches.
  return e.keyword === 'required' || e.keyword === 'additionalProperties' || e.keyword === 'unevaluatedProperties' ? own + 0.5 : own;
}

function describe(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'type': return `must be ${[p.type].flat().join(' or ')}${yamlBooleanHint(p.type, e.data)}`;
    case 'required': return `missing required key "${String(p.missingProperty)}"`;
    case 'additionalProperties': return unknownKey(String(p.additionalProperty), e);
    case 'unevaluatedProperties': {
      const key = String(p.unevaluatedProperty);
      // `id` names the personal-ID column of some pack rules, so all of them take their rule id as `ruleId`.
      if (key === 'id' && /^\/rules\/\d+$/.test(e.instancePath)) return 'unknown key "id" (a vn.* rule\'s id is set with ruleId)';
      return unknownKey(key, e);
    }
    case 'enum': {
      const allowed = p.allowedValues as unknown[];
      const near = typeof e.data === 'string' ? nearest(e.data, allowed.filter((v): v is string => typeof v === 'string')) : undefined;
      // A long list hides the one that was meant (`vn: [cccdd]` listed 32 rule names): name it after the list.
      return `must be one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}${near === undefined || near === e.data ? '' : ` (did you mean "${near}"?)`}`;
    }
    case 'const': return `must be ${JSON.stringify(p.allowedValue)}`;
    case 'false schema': return 'is not allowed here';
    // Caps that keep a definition's build bounded: say what the limit is, not "must NOT have more than".
    // Only a pack rule entry is limited to one key: `{ cccd: {…} }`, one map per rule.
    case 'maxProperties': return p.limit === 1 ? 'one rule per item: write each as its own one-key map'
      : `more than ${String(p.limit)} entries (the most allowed here)`;
    case 'minItems': return p.limit === 1 ? 'an empty list, which would check nothing' : `fewer than ${String(p.limit)} items (the fewest allowed here)`;
    case 'maxItems': return `more than ${String(p.limit)} items (the most allowed here)`;
    default: return e.message ?? e.keyword;
  }
}

// Options of the TypeScript API that are code or in-memory tables: a file cannot hold them, and saying so is more
// useful than "unknown key".
const CODE_ONLY: Readonly<Record<string, string>> = {
  when: 'a function',
  check: 'a function',
  tables: 'reference tables built in code',
  table: 'a reference table built in code',
  baseSalary: 'reference tables built in code',
  minimumWage: 'reference tables built in code',
};

function unknownKey(key: string, e: ErrorObject): string {
  const what = Object.hasOwn(CODE_ONLY, key) ? CODE_ONLY[key] : undefined;
  if (what === undefined) {
    // A field's rules are keys of the field (as in TypeScript's chain), not a list under it: say where each kind goes.
    if (key === 'rules' && /^\/fields\/[^/]+$/.test(e.instancePath)) {
      return 'unknown key "rules": a field\'s rules are keys of the field itself (pattern: "^\\d+$", unique: true, ' +
        'vn: [cccd]), and rules of several fields go in the top-level rules list';
    }
    const near = nearest(key, keysOf(e.parentSchema, new Set()).filter((k) => k !== key));
    return `unknown key "${key}"${near === undefined ? '' : ` (did you mean "${near}"?)`}`;
  }
  const hint = key === 'table' || key === 'tables' ? ' (commune lists: the dataset\'s communes key)' : '';
  return `"${key}" is ${what} in TypeScript and has no JSON/YAML form${hint}; write this definition in TypeScript`;
}

/**
 * The keys a schema object names, in its own `properties` and in the branches and references it is made of (a
 * field's keys for every type, a dataset rule's and its shared options'): the candidates of a "did you mean".
 */
function keysOf(node: unknown, seen: Set<unknown>): string[] {
  if (typeof node !== 'object' || node === null || seen.has(node)) return [];
  seen.add(node);
  const s = node as Record<string, unknown>;
  const own = typeof s.properties === 'object' && s.properties !== null ? Object.keys(s.properties) : [];
  const ref = typeof s.$ref === 'string' && s.$ref.startsWith('#/$defs/')
    ? (schema.$defs as Record<string, unknown>)[s.$ref.slice('#/$defs/'.length)] : undefined;
  const branches = [...['allOf', 'anyOf', 'oneOf'].flatMap((k) => (Array.isArray(s[k]) ? s[k] as unknown[] : [])), s.then, s.else, ref];
  return [...new Set([...own, ...branches.flatMap((b) => keysOf(b, seen))])];
}

/**
 * `required: yes`: YAML 1.2 (the YAML ddss reads) takes yes/no/on/off as text, not as the booleans YAML 1.1 made of
 * them, and "must be boolean" alone left the steward looking at a value that reads as a yes.
 */
function yamlBooleanHint(type: unknown, data: unknown): string {
  if (![type].flat().includes('boolean') || typeof data !== 'string') return '';
  if (!/^(?:y|n|yes|no|on|off|true|false)$/i.test(data)) return '';
  return ` (write true or false without quotes: "${data}" is text)`;
}
