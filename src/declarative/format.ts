import type { Duration } from 'date-fns';
import type { Criterion, FieldType, LocalizedText, Severity } from '../core/types.js';

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
  readonly missingValues?: readonly string[];
  readonly typeCheck?: DeclarativeRuleOptions;
  readonly pii?: boolean | 'mask' | 'hash';
  readonly required?: DeclarativeFlag;
  readonly unique?: DeclarativeFlag;
  readonly trimmed?: DeclarativeFlag;
  readonly nfc?: DeclarativeFlag;
  readonly notInFuture?: DeclarativeFlag;
  readonly pattern?: string | (DeclarativeRuleOptions & { readonly value: string; readonly flags?: string });
  readonly oneOf?: readonly Scalar[] | (DeclarativeRuleOptions & { readonly values: readonly Scalar[]; readonly caseInsensitive?: boolean });
  readonly notOneOf?: readonly Scalar[] | (DeclarativeRuleOptions & { readonly values: readonly Scalar[]; readonly caseInsensitive?: boolean });
  readonly min?: DeclarativeBound | (DeclarativeRuleOptions & { readonly value: DeclarativeBound; readonly exclusive?: boolean });
  readonly max?: DeclarativeBound | (DeclarativeRuleOptions & { readonly value: DeclarativeBound; readonly exclusive?: boolean });
  readonly length?: DeclarativeRuleOptions & { readonly min?: number; readonly max?: number };
  readonly within?: Duration | (DeclarativeRuleOptions & { readonly maxAge: Duration });
}

/** A dataset rule: `type` names the `rule.*` factory, the other keys are its arguments and options. */
export type DeclarativeRule = DeclarativeRuleOptions & (
  | { readonly type: 'rowCount'; readonly min?: number; readonly max?: number }
  | { readonly type: 'uniqueBy'; readonly columns: readonly string[] }
  | { readonly type: 'freshness'; readonly column: string; readonly maxAge: Duration }
  | { readonly type: 'coverage'; readonly column: string; readonly expected: readonly Scalar[] }
  | { readonly type: 'noOverlap'; readonly entity: string | readonly string[]; readonly from: string; readonly to: string }
  | { readonly type: 'reference'; readonly column: string; readonly values: readonly Scalar[]; readonly name?: string }
);

/** A whole definition file. */
export interface DeclarativeDataset {
  readonly name: string;
  readonly title?: LocalizedText;
  readonly description?: string;
  readonly key?: string | readonly string[];
  readonly missingValues?: readonly string[];
  readonly weights?: Partial<Readonly<Record<Criterion, number>>>;
  readonly failUnder?: number;
  /** `strict` (default): each undeclared column is `source.unexpected_column`; `ignore`: it is not. */
  readonly columns?: 'strict' | 'ignore';
  /** The IANA time zone that decides which calendar day `now` is (`Asia/Ho_Chi_Minh`). Default `UTC`. */
  readonly timeZone?: string;
  readonly fields: Readonly<Record<string, DeclarativeField>>;
  readonly rules?: readonly DeclarativeRule[];
}
