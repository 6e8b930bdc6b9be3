import type { Duration } from 'date-fns';
import type { Criterion, FieldType, LocalizedText, Severity } from '../core/types.js';
import type { canonical } from '../../rules/vn/canonical.js';

/**
 * The declarative dataset format (JSON or YAML), as described by `schema/dataset.schema.json`. These types mirror
 * the schema so that code handling a validated file is typed; files are always checked against the schema first.
 */

/** Options every rule accepts in a file (`when` needs code, so it is not available here). */
export interface DeclarativeRuleOptions {
  readonly id?: string;
  readonly criterion?: Criterion;
  readonly severity?: Severity;
  readonly threshold?: number;
  readonly weight?: number;
  readonly message?: LocalizedText;
}

/** `true` adds the rule with default options; an object adds it with those options; `false` leaves it out. */
export type DeclarativeFlag = boolean | DeclarativeRuleOptions;
export type Scalar = string | number | boolean;
/** A number, or an ISO date (`yyyy-MM-dd`) or date-time for date fields. */
export type DeclarativeBound = number | string;

/** One typed column and its rules. */
export interface DeclarativeField {
  readonly type: FieldType;
  readonly title?: LocalizedText;
  /** The same as `title` (the name TypeScript's `.label()` uses). */
  readonly label?: LocalizedText;
  readonly description?: string;
  /** Date fields: the date-fns format of the text (`dd/MM/yyyy`). */
  readonly format?: string;
  readonly decimal?: '.' | ',';
  readonly thousands?: '.' | ',' | ' ';
  readonly trueValues?: readonly string[];
  readonly falseValues?: readonly string[];
  /** Enum fields: the allowed values. */
  readonly values?: readonly string[];
  readonly caseInsensitive?: boolean;
  /** Enum fields: compare the values without their surrounding whitespace (pair with `trimmed`). */
  readonly trim?: boolean;
  /** Values that count as missing for this field, or `vn`: the Vietnamese placeholders (`VN_MISSING_VALUES`). */
  readonly missingValues?: readonly string[] | 'vn';
  readonly typeCheck?: DeclarativeRuleOptions;
  readonly pii?: boolean | 'mask' | 'hash';
  readonly required?: DeclarativeFlag;
  /** `normalize` names a canonical form of `vn.canonical` (`mst`, `cccd`, `bhxh`, `bhyt`, `phone`, `gcnSerial`, `name`). */
  readonly unique?: boolean | (DeclarativeRuleOptions & { readonly normalize?: CanonicalName });
  readonly trimmed?: DeclarativeFlag;
  readonly nfc?: DeclarativeFlag;
  readonly notInFuture?: DeclarativeFlag;
  readonly pattern?: string | (DeclarativeRuleOptions & { readonly value: string; readonly flags?: string; readonly trim?: boolean });
  /** The value must not match: a regular expression, or `{ value, flags, trim, …options }`, as `pattern`. */
  readonly notPattern?: string | (DeclarativeRuleOptions & { readonly value: string; readonly flags?: string; readonly trim?: boolean });
  readonly oneOf?: readonly Scalar[] | (DeclarativeRuleOptions & { readonly values: readonly Scalar[]; readonly caseInsensitive?: boolean; readonly trim?: boolean });
  readonly notOneOf?: readonly Scalar[] | (DeclarativeRuleOptions & { readonly values: readonly Scalar[]; readonly caseInsensitive?: boolean; readonly trim?: boolean });
  readonly min?: DeclarativeBound | (DeclarativeRuleOptions & { readonly value: DeclarativeBound; readonly exclusive?: boolean });
  readonly max?: DeclarativeBound | (DeclarativeRuleOptions & { readonly value: DeclarativeBound; readonly exclusive?: boolean });
  readonly length?: DeclarativeRuleOptions & { readonly min?: number; readonly max?: number };
  readonly within?: Duration | (DeclarativeRuleOptions & { readonly maxAge: Duration });
  /** Number fields: at most this many decimal places (rule `decimals`, clean, warning). */
  readonly decimals?: number | (DeclarativeRuleOptions & { readonly max: number });
  /** Boolean fields: a false value is `not_verified` (info). */
  readonly verified?: DeclarativeFlag;
  /** Rules of the Vietnamese pack (`ddss/vn`), by name, each with its options. */
  readonly vn?: readonly DeclarativeVnRule[];
}

/** The names of `vn.canonical`'s forms (`mst`, `cccd`, `bhxh`, `bhyt`, `phone`, `gcnSerial`, `name`). */
export type CanonicalName = keyof typeof canonical;

/** A Vietnamese-pack field rule: its name, or a one-key map of its name to its options. */
export type DeclarativeVnRule = string | Readonly<Record<string, Readonly<Record<string, unknown>> | null>>;

/** A dataset rule: `type` names the `rule.*` factory, the other keys are its arguments and options. */
export type DeclarativeRule = DeclarativeRuleOptions & (
  | { readonly type: 'rowCount'; readonly min?: number; readonly max?: number }
  | { readonly type: 'uniqueBy'; readonly columns: readonly string[]; readonly normalize?: CanonicalName | Readonly<Record<string, CanonicalName>> }
  | { readonly type: 'freshness'; readonly column: string; readonly maxAge: Duration }
  | { readonly type: 'coverage'; readonly column: string; readonly expected: readonly Scalar[] }
  | { readonly type: 'noOverlap'; readonly entity: string | readonly string[]; readonly from: string; readonly to: string }
  | { readonly type: 'reference'; readonly column: string; readonly values: readonly Scalar[]; readonly name?: string }
  | { readonly type: 'foreignKey'; readonly columns: readonly string[]; readonly reference: string; readonly referenceColumns?: readonly string[]; readonly missing?: 'skip' | 'fail' }
) | DeclarativeVnDatasetRule;

/** A cross-field rule of the Vietnamese pack: `type: vn.<name>`, its column keys and options as in TypeScript. */
export interface DeclarativeVnDatasetRule {
  readonly type: `vn.${string}`;
  readonly ruleId?: string;
  readonly [key: string]: unknown;
}

/** A whole definition file. */
export interface DeclarativeDataset {
  /** Required unless the file `extends` another definition, whose name it then keeps. */
  readonly name?: string;
  /** A built-in dataset's name (`land-parcels`) or a definition file (relative to this one) to start from. */
  readonly extends?: string;
  /** Rule options to change by rule id (`owner_id.cccd: { severity: warning }`), in this file or its base. */
  readonly override?: Readonly<Record<string, DeclarativeRuleOptions>>;
  /** Rule ids to remove (this file's or its base's). */
  readonly drop?: readonly string[];
  /** Commune list files (`ddss refdata import` output), relative to this file, for the commune rules. */
  readonly communes?: string | readonly string[];
  readonly title?: LocalizedText;
  readonly description?: string;
  readonly key?: string | readonly string[];
  /** What counts as missing, or `vn`: the Vietnamese placeholders (`VN_MISSING_VALUES`). */
  readonly missingValues?: readonly string[] | 'vn';
  readonly weights?: Partial<Readonly<Record<Criterion, number>>>;
  readonly failUnder?: number;
  /** `strict` (default): each undeclared column is `source.unexpected_column`; `ignore`: it is not. */
  readonly columns?: 'strict' | 'ignore';
  /** The IANA time zone that decides which calendar day `now` is (`Asia/Ho_Chi_Minh`). Default `UTC`. */
  readonly timeZone?: string;
  /** Header columns read as fields (`Số CCCD: owner_id`), added to the base's; a field's own name is read too. */
  readonly rename?: Readonly<Record<string, string>>;
  /** Required unless the file `extends` another definition; a field named like a base field replaces it. */
  readonly fields?: Readonly<Record<string, DeclarativeField>>;
  readonly rules?: readonly DeclarativeRule[];
}
