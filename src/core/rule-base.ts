import type {
  AggregateRule, FixKind, CheckResult, Criterion, MergeOffset, DatasetOutcome, FinishContext, RecordRule, RuleContext,
  RuleOptions, Severity, TypedRow, ValueRule,
} from './types.js';
import type { MessageTable } from './message.js';
import { orDefault } from './arg-kind.js';
import { checkOptionKeys } from './option-keys.js';
import { FIELD_KINDS, type FieldKind } from './field-kinds.js';

/** What a rule factory fixes about its rule besides the user's options. */
export interface RuleMeta {
  readonly name: string;
  readonly criterion: Criterion;
  readonly code?: string;
  readonly params?: Readonly<Record<string, unknown>>;
  /** The params quoting values of the field (lists, patterns): masked on personal fields (see `RuleBase`). */
  readonly valueParams?: readonly string[];
  /** The params of its findings that may quote the row, transformed (see `RuleBase.quotingParams`). */
  readonly quotingParams?: readonly string[];
  readonly messages?: MessageTable;
  /** The codes whose suggestion is a safe fix, with its kind (see `RuleBase.fixes`). */
  readonly fixes?: Readonly<Record<string, FixKind>>;
  /**
   * What decides the rule's results beyond its `params`, when params show it only in part (a list shown by its first
   * values, a bound shown to the day): it enters the definition's signature, so shards of two definitions that
   * differ only there are never merged. Kept under a symbol: reports never show it.
   */
  readonly fingerprint?: unknown;
  /**
   * What the rule holds that its caller may still change after building it (a `Set` it reads as given), read when a
   * run starts: worker threads import the definition's module again, and must find the same (see ./live-marks.ts).
   */
  readonly live?: () => LiveMark;
  /**
   * The rule's own option keys besides the common ones (`{ caseInsensitive: true }`), when its factory passes its whole
   * options object on: any other key is refused when the rule is built, naming the nearest known one.
   */
  readonly options?: Readonly<Record<string, true>>;
}

// Every common option, as a record so that adding one to `RuleOptions` without listing it here is a type error.
const COMMON: Readonly<Record<keyof RuleOptions, true>> = {
  id: true, criterion: true, severity: true, threshold: true, weight: true, when: true, message: true, description: true,
};

/** The options every rule takes (`RuleOptions`), by name. */
export const RULE_OPTION_KEYS: readonly string[] = Object.keys(COMMON);

/**
 * The keys of an options type beyond the common rule options: what a rule's `RuleMeta.options` must list.
 * @example type K = OwnOptionKeys<OneOfOptions>; // 'caseInsensitive'
 */
export type OwnOptionKeys<O> = Exclude<keyof O, keyof RuleOptions> & string;

/**
 * The meta of a rule whose options are `O`: with keys of its own, `options` must list each of them (a missing or
 * extra one is a type error), so a typo in a call is told from a key the rule reads.
 * @example const meta: MetaFor<OneOfOptions> = { name: 'oneOf', criterion: 'correct', options: { caseInsensitive: true } };
 */
export type MetaFor<O> = RuleMeta & ([OwnOptionKeys<O>] extends [never] ? unknown
  : { readonly options: Readonly<Record<OwnOptionKeys<O>, true>> });

/**
 * Throws for a key of a rule's options that is neither a common option nor one of the rule's own, naming the nearest.
 * Why: options are read by name, so `{ severty: 'warning' }` or `{ caseInsensitve: true }` was silently ignored and
 * the rule ran as if it had not been given — from JavaScript, or from an object TypeScript does not check for extra keys.
 * @example checkRuleOptions({ name: 'unique', criterion: 'clean' }, { severty: 'warning' }) // throws: did you mean "severity"?
 */
export function checkRuleOptions(meta: RuleMeta, o: unknown): void {
  if (typeof o !== 'object' || o === null) throw new TypeError(`ddss: the options of rule ${meta.name} must be an object, got ${o === null ? 'null' : typeof o}`);
  checkOptionKeys(o, meta.options === undefined ? RULE_OPTION_KEYS : [...RULE_OPTION_KEYS, ...Object.keys(meta.options)], `rule ${meta.name}`);
}

/** What a rule holds that may change after it is built, in words and as a hash (`RuleMeta.live`). */
export interface LiveMark {
  /** As a message shows it ("1,204 values"). */
  readonly shown: string;
  readonly hash: number;
}

/** The key of a rule's `RuleMeta.live`; shared by every copy of ddss in a process. */
export const LIVE: unique symbol = Symbol.for('ddss.rule.live') as never;

/** The key of a rule's fingerprint (`RuleMeta.fingerprint`); shared by every copy of ddss in a process. */
export const FINGERPRINT: unique symbol = Symbol.for('ddss.rule.fingerprint') as never;

function base(meta: RuleMeta, o: RuleOptions) {
  checkRuleOptions(meta, o);
  return {
    name: meta.name,
    ...(o.id === undefined ? {} : { id: o.id }),
    // Not `??`: null is refused when the definition is made (compile.ts), not read as the default.
    criterion: orDefault(o.criterion, meta.criterion),
    severity: orDefault<Severity>(o.severity, 'error'),
    threshold: orDefault(o.threshold, 1),
    weight: orDefault(o.weight, 1),
    ...(o.when === undefined ? {} : { when: o.when }),
    ...(o.message === undefined ? {} : { message: o.message }),
    ...(o.description === undefined ? {} : { description: o.description }),
    ...(meta.code === undefined ? {} : { code: meta.code }),
    ...(meta.params === undefined ? {} : { params: meta.params }),
    ...(meta.valueParams === undefined ? {} : { valueParams: meta.valueParams }),
    ...(meta.quotingParams === undefined ? {} : { quotingParams: meta.quotingParams }),
    ...(meta.messages === undefined ? {} : { messages: meta.messages }),
    ...(meta.fixes === undefined ? {} : { fixes: meta.fixes }),
    ...(meta.fingerprint === undefined ? {} : { [FINGERPRINT]: meta.fingerprint }),
    ...(meta.live === undefined ? {} : { [LIVE]: meta.live }),
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
 * The error of a dataset rule that cannot judge a run whose input was not read whole (`FinishContext.partial`): what
 * it would report missing may be in the part not read. A setup error: `what` names counts and columns, never values.
 * `whatVi`, the same in Vietnamese, is what a run in `locale: 'vi'` reports (the error was English in a Vietnamese
 * report otherwise).
 * @example if (ctx.partial && missing.length > 0) throw notKnown(`whether ${missing.length} expected values are present`)
 */
export function notKnown(what: string, whatVi?: string): Error {
  const e = setupError(`${NOT_KNOWN}${what}: the input could not be read whole, and what was not read may hold it`);
  if (whatVi === undefined) return e;
  return Object.assign(e, { [VI]: `${NOT_KNOWN_VI}${whatVi}: không đọc được toàn bộ tệp đầu vào, và phần chưa đọc có thể chứa điều đó` });
}

/** How a {@link notKnown} error starts: the CLI leaves these out of stderr, where the read's own error is said. */
export const NOT_KNOWN = 'not known ';
/** How a {@link notKnown} error starts in Vietnamese. */
export const NOT_KNOWN_VI = 'chưa biết ';

const VI = Symbol.for('ddss.errorVi');

/**
 * `e` carrying its message in Vietnamese, which {@link errorMessage} gives for `locale: 'vi'` (and so the CLI's
 * `--locale vi`); `e.message` stays the English. Returns `e`.
 * @example throw withVi(new Error('ddss: line 3: commune code 00004 appears twice'), 'ddss: dòng 3: mã xã 00004 xuất hiện hai lần')
 */
export function withVi<E extends Error>(e: E, vi: string): E {
  return Object.assign(e, { [VI]: vi });
}

/**
 * An error's message in `locale`: its Vietnamese text when it carries one ({@link notKnown}), else its message.
 * @example errorMessage(notKnown('whether x', 'liệu x'), 'vi') // 'chưa biết liệu x: …'
 */
export function errorMessage(e: Error, locale: 'en' | 'vi'): string {
  const vi = locale === 'vi' ? (e as unknown as Record<symbol, unknown>)[VI] : undefined;
  return typeof vi === 'string' ? vi : e.message;
}

/**
 * Whether an error was made by {@link setupError}.
 * @example isSetupError(setupError('x')) // true
 */
export function isSetupError(e: unknown): boolean {
  return e instanceof Error && (e as unknown as Record<symbol, unknown>)[SETUP] === true;
}

/**
 * Builds a per-value rule with the options every rule takes (DESIGN §1), and the rule's own listed in `meta.options`.
 * @example const even = valueRule<number>({ name: 'even', criterion: 'correct' }, (n) => n % 2 === 0, { severity: 'warning' });
 */
export function valueRule<V, O extends RuleOptions = RuleOptions>(meta: MetaFor<O>, check: (value: V, ctx: RuleContext) => CheckResult,
  options: O = {} as O): ValueRule<V> {
  return { kind: 'value', ...base(meta, options), check };
}

/**
 * Builds a per-record rule; with `fields`, it runs only where all of them hold a valid value. Options as `valueRule`.
 * @example const ordered = recordRule({ name: 'ordered', criterion: 'correct', fields: ['a', 'b'] }, (r) => r.a <= r.b);
 */
export function recordRule<R = TypedRow, O extends RuleOptions = RuleOptions>(meta: MetaFor<O> & {
  readonly fields?: readonly string[]; readonly reads?: readonly string[];
  /** The types of field it can read, by field: another type is refused when the dataset is defined (`checkFieldKinds`). */
  readonly fieldKinds?: Readonly<Record<string, FieldKind>>;
}, check: (row: R, ctx: RuleContext) => CheckResult, options: O = {} as O): RecordRule<R> {
  return { kind: 'record', ...base(meta, options), ...(meta.fields ? { fields: meta.fields } : {}),
    ...(meta.reads ? { reads: meta.reads } : {}), ...(meta.fieldKinds ? { [FIELD_KINDS]: meta.fieldKinds } : {}), check };
}

/**
 * Builds a mergeable aggregate (dataset rule, or a field rule such as `unique`). Options as `valueRule`.
 * @example const rows = aggregateRule<number, unknown>({ name: 'rows', criterion: 'sufficient' }, { init: () => 0, add() {}, merge: (a, b) => a + b, finish: () => ({ checked: 1, findings: [] }) });
 */
export function aggregateRule<S, V, O extends RuleOptions = RuleOptions>(meta: MetaFor<O> & { readonly fields?: readonly string[] }, impl: {
  init(): S;
  add(state: S, value: V, ctx: RuleContext): void;
  merge(a: S, b: S, offset: MergeOffset): S;
  finish(state: S, ctx: FinishContext): DatasetOutcome;
  check?(state: unknown): boolean;
}, options: O = {} as O): AggregateRule<S, V> {
  return { kind: 'aggregate', ...base(meta, options), ...(meta.fields ? { fields: meta.fields } : {}), ...impl };
}
