import type { z } from 'zod';
import { recordRule } from '../core/rule-base.js';
import { CRITERIA } from '../core/types.js';
import type { Criterion, Finding, RecordRule, RuleContext, RuleOptions, TypedRow } from '../core/types.js';

/** Options of `rule.fromZod`: the common rule options, and which criterion the issues of a path count against. */
export interface FromZodOptions extends RuleOptions {
  /**
   * Criteria by path (`{ updated_at: 'live', 'owner.name': 'clean' }`): an issue at a path, or under it, counts
   * against that criterion (the longest path named wins). Other issues: a missing value → `sufficient`, anything
   * else → `criterion` (default `correct`).
   */
  readonly criteria?: Readonly<Record<string, Criterion>>;
}

type Classified = { readonly criterion: Criterion; readonly finding: Finding };

/**
 * Turns a zod schema of a record into record rules, one per criterion its issues count against, so the scores of a
 * schema compare with the same checks written as fields: an issue on a missing value (`undefined` or `null` in the
 * typed row, for a cell that was missing rather than unparseable) is `sufficient`, as `.required()` is (a top-level
 * field: `missing_value`, as `.required()` reports it);
 * every other issue is `correct`, a `schema_violation` whose field is the first segment of its path and whose params
 * carry the full `path` and zod's message; `criteria` moves paths to other criteria. The rules are `id` (default
 * `schema`) for `correct` and `id.<criterion>` for the others (`schema.sufficient`); spread them into `rules`. The
 * schema runs once per row for all of them, and sees the typed row (declared fields, parsed; missing cells are
 * `undefined`). Use it at the edges: a zod schema per row costs ~2.7× a plain check (QUALITY.md §1).
 * @example rules: [...rule.fromZod(z.object({ area_m2: z.number().positive() }), { id: 'parcel_schema' })]
 * // area_m2 missing → parcel_schema.sufficient; area_m2 = -1 → parcel_schema (correct)
 */
export function fromZod(schema: z.ZodType, options: FromZodOptions = {}): readonly RecordRule[] {
  const { criteria = {}, ...common } = options;
  const other = common.criterion ?? 'correct';
  for (const [path, c] of Object.entries(criteria)) {
    if (!CRITERIA.includes(c)) throw new Error(`ddss: fromZod criteria["${path}"] must be a criterion (${CRITERIA.join(', ')}), got ${JSON.stringify(c)}`);
  }
  const paths = Object.keys(criteria).sort((a, b) => b.length - a.length);
  const used = [...new Set<Criterion>([other, 'sufficient', ...Object.values(criteria)])];
  const base = common.id ?? 'schema';
  const reads = [...topLevelKeys(schema)];
  // A path the schema has no key for (`updtaed_at`) moved nothing, yet its criterion got a rule that checked every row
  // and never failed: `live` scored 100% where it had no rule (null), and the stale dates counted as `correct`.
  for (const path of Object.keys(criteria)) {
    const head = path.split('.')[0] ?? path;
    if (reads.length > 0 && !reads.includes(head)) {
      throw new Error(`ddss: fromZod criteria["${path}"] names no key of the schema (${reads.join(', ')})`);
    }
  }

  // The schema is parsed once per row: every rule of the set asks for the same (record, row) while the engine
  // evaluates that row, synchronously, so the last answer is the one they need.
  let lastRecord: TypedRow | undefined;
  let lastRow = -1;
  let lastLine: number | undefined;
  let last: readonly Classified[] = [];
  function issuesOf(row: TypedRow, ctx: RuleContext): readonly Classified[] {
    if (row === lastRecord && ctx.row === lastRow && ctx.line === lastLine) return last;
    const result = schema.safeParse(row);
    last = result.success ? [] : result.error.issues.map((issue) => classify(issue, row, ctx));
    lastRecord = row;
    lastRow = ctx.row;
    lastLine = ctx.line;
    return last;
  }

  function classify(issue: z.core.$ZodIssue, row: TypedRow, ctx: RuleContext): Classified {
    const path = issue.path.map(String);
    const joined = path.join('.');
    const named = paths.find((p) => joined === p || joined.startsWith(`${p}.`));
    // A field whose cell did not parse is `undefined` in the typed row, as a missing one is, yet it is there: its issue
    // is `correct` (its type rule says why), never a missing value, as `.required()` judges it.
    const head = path[0];
    const unparsed = head !== undefined && row[head] === undefined && ctx.fieldType(head) !== undefined && !ctx.missing(head);
    const missing = !unparsed && valueAt(row, issue.path) == null;
    const criterion = named !== undefined ? (criteria[named] as Criterion) : missing ? 'sufficient' : other;
    const finding: Finding = missing && path.length === 1 && criterion === 'sufficient'
      ? { code: 'missing_value', field: path[0] as string }
      : { code: 'schema_violation', ...(path[0] === undefined ? {} : { field: path[0] }), params: { path: joined, detail: issue.message } };
    return { criterion, finding };
  }

  return used.map((criterion) => {
    const name = criterion === other ? base : `${base}.${criterion}`;
    // `criteria` is read above, not by the rule: listed so that a misspelling of it is named as one.
    return recordRule({ name, criterion, code: 'schema_violation', reads, options: { criteria: true } }, (row, ctx) => {
      const mine = issuesOf(row, ctx).filter((c) => c.criterion === criterion).map((c) => c.finding);
      return mine.length === 0 ? undefined : mine;
    }, { ...common, criterion, ...(common.id === undefined ? {} : { id: name }), description: common.description ?? {
      en: `the record satisfies the zod schema (${criterion} issues)`, vi: `bản ghi thỏa lược đồ zod (lỗi tiêu chí ${criterion})`,
    } });
  });
}

/** The value at a zod issue's path in the row (undefined when a step is missing). */
function valueAt(row: TypedRow, path: readonly PropertyKey[]): unknown {
  let v: unknown = row;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = Object.hasOwn(v, key) ? (v as Record<PropertyKey, unknown>)[key] : undefined;
  }
  return v;
}

type Def = { readonly type?: string; readonly shape?: Record<string, unknown>; readonly options?: readonly unknown[];
  readonly left?: unknown; readonly right?: unknown; readonly in?: unknown; readonly innerType?: unknown };

/**
 * The keys a record schema constrains at its top level (through unions, intersections, wrappers and the input of
 * pipes and transforms), which `defineDataset` checks are fields: the typed row holds nothing else, so a schema of an
 * undeclared key — optional, it never fails — would check nothing. Lazy schemas are not entered.
 */
function topLevelKeys(schema: unknown, found = new Set<string>()): Set<string> {
  const def = (schema as { _zod?: { def?: Def } } | null)?._zod?.def;
  switch (def?.type) {
    case 'object': for (const k of Object.keys(def.shape ?? {})) found.add(k); break;
    case 'union': for (const o of def.options ?? []) topLevelKeys(o, found); break;
    case 'intersection': topLevelKeys(def.left, found); topLevelKeys(def.right, found); break;
    case 'pipe': topLevelKeys(def.in, found); break;
    case 'optional': case 'nullable': case 'default': case 'prefault': case 'catch': case 'readonly': case 'nonoptional':
      topLevelKeys(def.innerType, found); break;
    default: break;
  }
  return found;
}
