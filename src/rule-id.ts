import type { Report } from './core/types.js';
import type { TypedDataset } from './define.js';

/**
 * A report of a typed definition: a `Report` that remembers the definition's row type, so matchers can check rule
 * ids against its fields (`expect(report).toHaveNoViolations('owner_id.cccd')`). Type-level only.
 * @example const report: TypedReport<Infer<typeof parcels>> = await validate(parcels, rows);
 */
export interface TypedReport<Row> extends Report {
  /** Type-level only (never set): the row of the definition this report is of. */
  readonly '~row'?: Row;
}

/**
 * What `validate` returns for a definition: a `TypedReport` for a typed definition, else a `Report`.
 * @example type R = ReportOf<typeof parcels>; // TypedReport<Infer<typeof parcels>>
 */
export type ReportOf<D> = D extends TypedDataset<infer Row> ? TypedReport<Row> : Report;

/**
 * `Id` when it can be a rule id of a definition with fields `Field`, else `never` (a type error at the call).
 * Rule ids have the forms `field.rule` (`owner_id.cccd`), `a+b.rule` (composite keys, ordered dates), `source.code`
 * (findings about the input) and a plain name for dataset rules (`rowCount`, `idBirthYear`, your `rule.record` id).
 * TypeScript checks the field part; it cannot check the rule part, which the field's modifiers name at run time.
 * @example type Ok = RuleIdOf<'owner_id' | 'parcel_id', 'owner_id.cccd'>; // 'owner_id.cccd'; 'owner.cccd' → never
 */
export type RuleIdOf<Field extends string, Id extends string> =
  Id extends `${infer Head}.${string}`
    ? Head extends Field | 'source' ? Id : FieldsJoined<Head, Field> extends true ? Id : never
    : Id;

type FieldsJoined<Head extends string, Field extends string> =
  Head extends `${infer First}+${infer Rest}` ? First extends Field ? FieldsJoined<Rest, Field> : false
    : Head extends Field ? true : false;

/**
 * The rule ids a matcher accepts for what it received: checked for a typed report, any string otherwise.
 * @example type Ok = RuleIdFor<TypedReport<{ readonly a: string | undefined }>, 'a.pattern'>; // 'a.pattern'
 */
export type RuleIdFor<Received, Id extends string> =
  Received extends TypedReport<infer Row> ? unknown extends Row ? Id : RuleIdOf<keyof Row & string, Id> : Id;
