import type {
  AggregateRule, FixKind, CheckResult, Criterion, MergeOffset, DatasetOutcome, FinishContext, RecordRule, RuleContext,
  RuleOptions, TypedRow, ValueRule,
} from './types.js';
import type { MessageTable } from './message.js';

/** What a rule factory fixes about its rule besides the user's options. */
export interface RuleMeta {
  readonly name: string;
  readonly criterion: Criterion;
  readonly code?: string;
  readonly params?: Readonly<Record<string, unknown>>;
  /** The params quoting values of the field (lists, patterns): masked on personal fields (see `RuleBase`). */
  readonly valueParams?: readonly string[];
  readonly messages?: MessageTable;
  /** The codes whose suggestion is a safe fix, with its kind (see `RuleBase.fixes`). */
  readonly fixes?: Readonly<Record<string, FixKind>>;
  /**
   * What decides the rule's results beyond its `params`, when params show it only in part (a list shown by its first
   * values, a bound shown to the day): it enters the definition's signature, so shards of two definitions that
   * differ only there are never merged. Kept under a symbol: reports never show it.
   */
  readonly fingerprint?: unknown;
}

/** The key of a rule's fingerprint (`RuleMeta.fingerprint`); shared by every copy of ddss in a process. */
export const FINGERPRINT: unique symbol = Symbol.for('ddss.rule.fingerprint') as never;

function base(meta: RuleMeta, o: RuleOptions) {
  return {
    name: meta.name,
    ...(o.id === undefined ? {} : { id: o.id }),
    criterion: o.criterion ?? meta.criterion,
    severity: o.severity ?? 'error',
    threshold: o.threshold ?? 1,
    weight: o.weight ?? 1,
    ...(o.when === undefined ? {} : { when: o.when }),
    ...(o.message === undefined ? {} : { message: o.message }),
    ...(o.description === undefined ? {} : { description: o.description }),
    ...(meta.code === undefined ? {} : { code: meta.code }),
    ...(meta.params === undefined ? {} : { params: meta.params }),
    ...(meta.valueParams === undefined ? {} : { valueParams: meta.valueParams }),
    ...(meta.messages === undefined ? {} : { messages: meta.messages }),
    ...(meta.fixes === undefined ? {} : { fixes: meta.fixes }),
    ...(meta.fingerprint === undefined ? {} : { [FINGERPRINT]: meta.fingerprint }),
  } as const;
}

const SETUP = Symbol.for('ddss.setupError');

/**
 * An error a rule throws because it cannot run at all (a reference not given, unreadable, missing a column), not
 * because of a row: its message quotes no data, so reports show it even when the rule reads personal fields (other
 * errors of such rules are withheld).
 * @example build(() => { throw setupError("reference 'communes' was not given"); })
 */
export function setupError(message: string): Error {
  return Object.assign(new Error(message), { [SETUP]: true });
}

/**
 * Whether an error was made by {@link setupError}.
 * @example isSetupError(setupError('x')) // true
 */
export function isSetupError(e: unknown): boolean {
  return e instanceof Error && (e as unknown as Record<symbol, unknown>)[SETUP] === true;
}

/** Builds a per-value rule with the options every rule takes (DESIGN §1). */
export function valueRule<V>(meta: RuleMeta, check: (value: V, ctx: RuleContext) => CheckResult,
  options: RuleOptions = {}): ValueRule<V> {
  return { kind: 'value', ...base(meta, options), check };
}

/** Builds a per-record rule; with `fields`, it runs only where all of them hold a valid value. */
export function recordRule<R = TypedRow>(meta: RuleMeta & { readonly fields?: readonly string[]; readonly reads?: readonly string[] },
  check: (row: R, ctx: RuleContext) => CheckResult, options: RuleOptions = {}): RecordRule<R> {
  return { kind: 'record', ...base(meta, options), ...(meta.fields ? { fields: meta.fields } : {}),
    ...(meta.reads ? { reads: meta.reads } : {}), check };
}

/** Builds a mergeable aggregate (dataset rule, or a field rule such as `unique`). */
export function aggregateRule<S, V>(meta: RuleMeta & { readonly fields?: readonly string[] }, impl: {
  init(): S;
  add(state: S, value: V, ctx: RuleContext): void;
  merge(a: S, b: S, offset: MergeOffset): S;
  finish(state: S, ctx: FinishContext): DatasetOutcome;
  check?(state: unknown): boolean;
}, options: RuleOptions = {}): AggregateRule<S, V> {
  return { kind: 'aggregate', ...base(meta, options), ...(meta.fields ? { fields: meta.fields } : {}), ...impl };
}
