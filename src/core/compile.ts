import { createHash } from 'node:crypto';
import { missingDate, missingFirstChars, missingFrom, missingLengths, missingText, type MissingTest } from './missing.js';
import { FINGERPRINT, checkRuleOptions } from './rule-base.js';
import { checkFieldKinds } from './field-kinds.js';
import { CRITERIA, SEVERITIES } from './types.js';
import type {
  AggregateRule, Criterion, DatasetDefinition, FieldSpecData, FieldType, LocalizedText, Parser, PiiMode, RecordRule,
  Rule, Severity, TypedRow, ValueRule,
} from './types.js';
import type { MessageTable } from './message.js';
import { checkDefinition } from './check-definition.js';
import { orDefault } from './arg-kind.js';

/** How a rule is run: per value, per record, as an aggregate, or one of the two synthetic field rules. */
export type SlotKind = 'type' | 'required' | 'value' | 'record' | 'aggregate';

/** A rule placed in a compiled plan: its final id and options, and where it reads from. */
export interface Slot {
  readonly ordinal: number;
  readonly id: string;
  readonly kind: SlotKind;
  readonly field: string | null;
  /** Index of the field in the plan, or -1 for dataset rules. */
  readonly fieldIndex: number;
  readonly criterion: Criterion;
  readonly severity: Severity;
  readonly threshold: number;
  readonly weight: number;
  readonly when: ((row: TypedRow) => boolean) | undefined;
  readonly message: LocalizedText | undefined;
  readonly messages: MessageTable | undefined;
  readonly params: Readonly<Record<string, unknown>> | undefined;
  readonly code: string;
  readonly rule: Rule | undefined;
  /** Record rules: indexes of the fields that must all be valid for the rule to run. */
  readonly needs: readonly number[];
  /**
   * How `checked` is known: counted per row (`explicit`, where a `when` decides), or derived from the field's
   * counts of missing and unparseable cells: all `rows`, the `present` cells, or the `valid` ones.
   */
  readonly counted: 'explicit' | 'rows' | 'present' | 'valid';
}

export interface FieldPlan {
  readonly name: string;
  readonly index: number;
  readonly spec: FieldSpecData;
  readonly parse: Parser;
  readonly isMissing: MissingTest;
  /** The string part of `isMissing`, for the generated evaluator. */
  readonly isMissingText: (text: string) => boolean;
  /** First characters a missing value can start with (a lookup table for the evaluator's fast path). */
  readonly mayBeMissing: Uint8Array;
  /** The lengths of the tokens each ASCII character starts, as bits (the fast path's second test). */
  readonly missingLengths: Int32Array;
  /** The `Date` part of `isMissing` (a typed date cell at a placeholder day), for the generated evaluator. */
  readonly isMissingDate: (date: Date) => boolean;
  readonly pii: PiiMode | false;
  readonly typeSlot: Slot;
  readonly requiredSlot: Slot | undefined;
  readonly valueSlots: readonly Slot[];
  readonly aggregateSlots: readonly Slot[];
}

export interface Plan {
  readonly definition: DatasetDefinition;
  readonly fields: readonly FieldPlan[];
  readonly fieldIndex: ReadonlyMap<string, number>;
  readonly slots: readonly Slot[];
  readonly recordSlots: readonly Slot[];
  readonly datasetAggregates: readonly Slot[];
  readonly keyFields: readonly number[];
  /**
   * A fingerprint of the definition (its fields' types and formats, missing values, key, time zone, and each rule's
   * id, kind, criterion, severity, threshold, weight, code and params), so states of different definitions are never
   * merged: shards run with `min: 0` and `min: 40` have the same rule ids.
   */
  readonly signature: string;
  /** The declared type of a field (what `RuleContext.fieldType` answers). */
  readonly fieldType: (name: string) => FieldType | undefined;
}

const plans = new WeakMap<DatasetDefinition, Plan>();
const zonedPlans = new WeakMap<Plan, Map<string, Plan>>();

/**
 * Compiles a definition (once: definitions are immutable, and every validator of one definition must share the
 * same functions so V8's call-site feedback stays monomorphic); throws on definition errors (duplicate rule ids,
 * unknown fields). With a `timeZone` other than UTC, the plan of a run in that zone: the same plan but for the
 * parsers of fields whose reading depends on the zone (`datetime`, `date`: see `FieldSpecData.zoned`), bound to it; its signature is the definition's,
 * since the zone of a run is part of its settings (and so of a shard state's).
 * @example compile(def, 'Asia/Ho_Chi_Minh').fields[0]?.parse('2026-11-21 15:00') // Date 2026-11-21T08:00:00.000Z
 */
export function compile(def: DatasetDefinition, timeZone = 'UTC'): Plan {
  let plan = plans.get(def);
  if (plan === undefined) {
    checkDefinition(def);
    plan = compileOnce(def);
    plans.set(def, plan);
  }
  if (timeZone === 'UTC' || !plan.fields.some((f) => f.spec.zoned !== undefined)) return plan;
  let zones = zonedPlans.get(plan);
  if (zones === undefined) {
    zones = new Map();
    zonedPlans.set(plan, zones);
  }
  let zoned = zones.get(timeZone);
  if (zoned === undefined) {
    const fields = plan.fields.map((f) => (f.spec.zoned === undefined ? f : { ...f, parse: f.spec.zoned(timeZone) }));
    zoned = { ...plan, fields };
    zones.set(timeZone, zoned);
  }
  return zoned;
}

function compileOnce(def: DatasetDefinition): Plan {
  const slots: Slot[] = [];
  const names = Object.keys(def.fields);
  const fieldIndex = new Map(names.map((n, i) => [n, i]));
  const ids = new Set<string>();
  const place = (s: Omit<Slot, 'ordinal'>): Slot => {
    if (ids.has(s.id)) {
      throw new Error(`ddss: rule id "${s.id}" is used twice in dataset "${def.name}"; give one an { id }`);
    }
    ids.add(s.id);
    const slot = { ...s, ordinal: slots.length };
    slots.push(slot);
    return slot;
  };

  const fields: FieldPlan[] = names.map((name, index) => {
    const spec = def.fields[name] as FieldSpecData;
    const base = { field: name, fieldIndex: index, rule: undefined, needs: [], params: undefined, messages: undefined };
    const typeWhen = spec.typeRule.when !== undefined;
    const typeSlot = place({
      ...base, id: `${name}.type`, kind: 'type', code: 'invalid_type', counted: typeWhen ? 'explicit' : 'present',
      ...options(`${name}.type`, spec.typeRule, 'correct'), params: { expected: spec.expected },
    });
    const requiredSlot = spec.requiredRule &&
      place({ ...base, id: `${name}.required`, kind: 'required', code: 'missing_value',
        counted: spec.requiredRule.options.when === undefined ? 'rows' : 'explicit',
        ...options(`${name}.required`, spec.requiredRule.options, 'sufficient') });
    const valueSlots: Slot[] = [];
    const aggregateSlots: Slot[] = [];
    for (const rule of spec.rules) {
      const counted = rule.kind === 'value' && rule.when === undefined && !typeWhen ? 'valid' : 'explicit';
      const slot = place({ ...ruleSlot(rule, `${name}.${rule.name}`), field: name, fieldIndex: index, needs: [], counted });
      (rule.kind === 'aggregate' ? aggregateSlots : valueSlots).push(slot);
    }
    return {
      name, index, spec, parse: spec.parse, pii: spec.privacy, typeSlot, requiredSlot, valueSlots, aggregateSlots,
      ...missingTests([...def.missingValues, ...spec.missingValues]),
    };
  });

  const recordSlots: Slot[] = [];
  const datasetAggregates: Slot[] = [];
  for (const rule of def.rules) {
    const needs = (rule.fields ?? []).map((f) => {
      const i = fieldIndex.get(f);
      if (i === undefined) throw new Error(`ddss: rule "${rule.id ?? rule.name}" names unknown field "${f}"`);
      return i;
    });
    for (const f of rule.kind === 'record' ? rule.reads ?? [] : []) {
      if (!fieldIndex.has(f)) {
        throw new Error(`ddss: rule "${rule.id ?? rule.name}" checks "${f}", which is not a field of dataset "${def.name}": ` +
          `the typed row never holds it, so nothing of it would be checked (declare it, e.g. ${f}: field.any())`);
      }
    }
    if (rule.kind === 'record') checkFieldKinds(rule, rule.id ?? rule.name, (f) => (def.fields[f] as FieldSpecData | undefined)?.type);
    const field = rule.fields?.length === 1 ? (rule.fields[0] as string) : null;
    const slot = place({ ...ruleSlot(rule, rule.name), field, fieldIndex: -1, needs, counted: 'explicit' });
    (rule.kind === 'record' ? recordSlots : datasetAggregates).push(slot);
  }

  const keyNames = def.key === undefined ? [] : typeof def.key === 'string' ? [def.key] : [...def.key];
  const keyFields = keyNames.map((k) => {
    const i = fieldIndex.get(k);
    if (i === undefined) throw new Error(`ddss: key field "${k}" is not a field of dataset "${def.name}"`);
    return i;
  });
  return {
    definition: def, fields, fieldIndex, slots, recordSlots, datasetAggregates, keyFields,
    signature: signatureOf(def, fields, slots),
    fieldType: (name) => {
      const i = fieldIndex.get(name);
      return i === undefined ? undefined : fields[i]?.spec.type;
    },
  };
}

/**
 * `name:hash` of what decides a definition's results that can be written down (functions cannot: a check's source
 * text differs between builds of one version, and shards may run on another build than the merge).
 */
function signatureOf(def: DatasetDefinition, fields: readonly FieldPlan[], slots: readonly Slot[]): string {
  const described = {
    fields: fields.map((f) => [f.name, f.spec.type, f.spec.format ?? null, f.spec.missingValues, f.spec.privacy]),
    missingValues: def.missingValues, key: def.key ?? null, timeZone: def.timeZone ?? null, weights: def.weights,
    rules: slots.map((s) => [s.id, s.kind, s.criterion, s.severity, s.threshold, s.weight, s.code, s.params ?? null, s.needs,
      (s.rule as { [FINGERPRINT]?: unknown } | undefined)?.[FINGERPRINT] ?? null]),
  };
  const hash = createHash('sha256').update(JSON.stringify(described, plain)).digest('hex').slice(0, 32);
  return `${def.name}:${hash}`;
}

/** JSON for params of any kind: patterns as their text, sets and maps as arrays, big integers as text. */
function plain(_key: string, value: unknown): unknown {
  if (value instanceof RegExp) return String(value);
  if (value instanceof Set) return [...value];
  if (value instanceof Map) return [...value];
  if (typeof value === 'bigint') return String(value);
  if (typeof value === 'function') return null;
  return value;
}

function options(id: string, o: {
  readonly id?: string; readonly criterion?: Criterion; readonly severity?: Severity; readonly threshold?: number;
  readonly weight?: number; readonly when?: (row: TypedRow) => boolean; readonly message?: LocalizedText;
  readonly description?: LocalizedText;
}, criterion: Criterion) {
  // `required()` and `typeCheck()` options are read here, not by a rule factory: a misspelt key is refused here too.
  checkRuleOptions({ name: id, criterion }, o);
  // Their ids are fixed (reports, baselines and overrides name them so): an `id` was accepted and ignored.
  if (o.id !== undefined) {
    const what = id.endsWith('.required') ? 'required()' : 'typeCheck()';
    throw new TypeError(`ddss: ${what} takes no id: its rule is always "${id}" (got id ${JSON.stringify(o.id)})`);
  }
  checkText(id, 'description', o.description);
  return {
    criterion: checkCriterion(id, orDefault(o.criterion, criterion)),
    severity: checkSeverity(id, orDefault<Severity>(o.severity, 'error')),
    threshold: checkThreshold(id, orDefault(o.threshold, 1)),
    weight: checkWeight(id, orDefault(o.weight, 1)),
    when: checkWhen(id, o.when),
    message: checkText(id, 'message', o.message),
  };
}

function ruleSlot(rule: ValueRule | RecordRule | AggregateRule, defaultId: string): Omit<Slot, 'ordinal' | 'field' | 'fieldIndex' | 'needs' | 'counted'> {
  const id = rule.id === undefined ? defaultId : checkId(defaultId, rule.id);
  checkText(id, 'description', rule.description);
  return {
    id,
    kind: rule.kind,
    criterion: checkCriterion(id, rule.criterion),
    severity: checkSeverity(id, rule.severity),
    threshold: checkThreshold(id, rule.threshold),
    weight: checkWeight(id, rule.weight),
    when: checkWhen(id, rule.when),
    message: checkText(id, 'message', rule.message),
    messages: rule.messages,
    params: rule.params,
    code: checkCode(id, rule.code ?? 'check_failed'),
    rule,
  };
}

/*
 * A rule's options are checked here, once, because nothing later can: a criterion that is not one of the four puts
 * the rule's failures in no score (a false pass), a negative or non-finite weight takes scores out of [0, 1], and a
 * severity or code outside the report schema makes a report that its own schema refuses.
 */

function checkThreshold(id: string, t: number): number {
  // A number only: '0.5' and true compared as 0.5 and 1, and the report held the text or the boolean.
  if (!(typeof t === 'number' && t >= 0 && t <= 1)) throw new Error(`ddss: rule "${id}": threshold must be in [0, 1], got ${show(t)}`);
  return t;
}

// The report names a rule by its id, a non-empty text: an id of null was the default id, 5 a report its schema refuses.
function checkId(defaultId: string, id: string): string {
  if (typeof id !== 'string' || id === '') throw new Error(`ddss: rule "${defaultId}": id must be a non-empty text, got ${show(id)}`);
  return id;
}

function checkCriterion(id: string, c: Criterion): Criterion {
  if (!CRITERIA.includes(c)) throw new Error(`ddss: rule "${id}": criterion must be one of ${CRITERIA.join(', ')}, got ${show(c)}`);
  return c;
}

function checkSeverity(id: string, s: Severity): Severity {
  if (!SEVERITIES.includes(s)) throw new Error(`ddss: rule "${id}": severity must be one of ${SEVERITIES.join(', ')}, got ${show(s)}`);
  return s;
}

function checkWeight(id: string, w: number): number {
  if (!(typeof w === 'number' && Number.isFinite(w) && w >= 0)) {
    throw new Error(`ddss: rule "${id}": weight must be a finite number ≥ 0, got ${show(w)}`);
  }
  return w;
}

function checkCode(id: string, code: string): string {
  if (!isCode(code)) throw new Error(`ddss: rule "${id}": code must be lower snake case (${CODE}), got ${show(code)}`);
  return code;
}

// A `when` that is not a function failed on every row as "wf1 is not a function"; a message or description that is not
// text (5, `{ en }` alone) rendered as "5" or as nothing in one of the languages.
function checkWhen<W>(id: string, when: W): W {
  if (when !== undefined && typeof when !== 'function') {
    throw new Error(`ddss: rule "${id}": when must be a function (row) => boolean, got ${showValue(when)}`);
  }
  return when;
}

function checkText<T>(id: string, what: string, text: T): T {
  if (text === undefined || typeof text === 'string') return text;
  const t = text as { en?: unknown; vi?: unknown } | null;
  if (typeof t === 'object' && t !== null && typeof t.en === 'string' && typeof t.vi === 'string') return text;
  throw new Error(`ddss: rule "${id}": ${what} must be a text or { en, vi } texts, got ${showValue(text)}`);
}

function showValue(x: unknown): string {
  return typeof x === 'object' && x !== null ? JSON.stringify(x) : show(x);
}

/** A finding's code as the report schema has it: lower snake case. */
export const CODE = /^[a-z][a-z0-9_]*$/;

export function isCode(code: unknown): code is string {
  return typeof code === 'string' && CODE.test(code);
}

/** An option's value in an error message (a string quoted, anything else as JavaScript writes it). */
function show(x: unknown): string {
  return typeof x === 'string' ? JSON.stringify(x) : String(x);
}

type MissingTests = Pick<FieldPlan, 'isMissing' | 'isMissingText' | 'isMissingDate' | 'mayBeMissing' | 'missingLengths'>;
const missingTestsOf = new Map<string, MissingTests>();

/**
 * A field's missing-value tests, the same objects for every field with the same tokens (most fields of a definition).
 * Why: the evaluator a field at a time parses fields alike with one function (src/core/codegen-columns.ts), which
 * calls one test for them all; V8 compiles that function once instead of once per field.
 */
function missingTests(tokens: readonly string[]): MissingTests {
  const key = JSON.stringify(tokens);
  let tests = missingTestsOf.get(key);
  if (tests === undefined) {
    const isMissingText = missingText(tokens);
    const isMissingDate = missingDate(tokens);
    tests = { isMissing: missingFrom(isMissingText, isMissingDate), isMissingText, isMissingDate,
      mayBeMissing: missingFirstChars(tokens), missingLengths: missingLengths(tokens) };
    if (missingTestsOf.size < 1_000) missingTestsOf.set(key, tests);
  }
  return tests;
}
