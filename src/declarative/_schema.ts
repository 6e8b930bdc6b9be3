import type * as Ajv2020Module from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { lazyRequire } from '../core/lazy-require.js';
import schema from '../../schema/dataset.schema.json' with { type: 'json' };
import { DefinitionError, type DefinitionPath } from './definition-error.js';
import type { DeclarativeDataset } from './format.js';

let compiled: ValidateFunction | undefined;
// Loaded when the first definition file is checked (see lazyRequire).
const ajv2020 = lazyRequire<typeof Ajv2020Module>('ajv/dist/2020.js');

// Compiled on first use and kept: compiling the schema costs far more than checking a file. Unknown keywords are
// errors (a typo in the schema must not silently accept everything); union types and `required` under `if` are
// deliberate, so those strict-mode style checks are off.
function validator(): ValidateFunction {
  compiled ??= new (ajv2020().Ajv2020)({ allErrors: true, strictSchema: true, strictTypes: false, strictRequired: false, strictTuples: false })
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
  const best = errors.reduce<ErrorObject | undefined>((a, e) => (a === undefined || depth(e) > depth(a) ? e : a), undefined);
  if (best === undefined) throw new DefinitionError('does not match the dataset schema');
  throw new DefinitionError(describe(best), pointer(best.instancePath));
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
    case 'type': return `must be ${[p.type].flat().join(' or ')}`;
    case 'required': return `missing required key "${String(p.missingProperty)}"`;
    case 'additionalProperties': return unknownKey(String(p.additionalProperty));
    case 'unevaluatedProperties': {
      const key = String(p.unevaluatedProperty);
      // `id` names the personal-ID column of some pack rules, so all of them take their rule id as `ruleId`.
      if (key === 'id' && /^\/rules\/\d+$/.test(e.instancePath)) return 'unknown key "id" (a vn.* rule\'s id is set with ruleId)';
      return unknownKey(key);
    }
    case 'enum': return `must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
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

function unknownKey(key: string): string {
  const what = Object.hasOwn(CODE_ONLY, key) ? CODE_ONLY[key] : undefined;
  if (what === undefined) return `unknown key "${key}"`;
  const hint = key === 'table' || key === 'tables' ? ' (commune lists: the dataset\'s communes key)' : '';
  return `"${key}" is ${what} in TypeScript and has no JSON/YAML form${hint}; write this definition in TypeScript`;
}
