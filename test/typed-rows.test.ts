import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  defineDataset, field, rule, validate, valueRule, type DatasetDefinition, type FieldSpec, type Infer, type Report, type RuleIdOf,
  type TypedReport, type TypedRow,
} from 'ddss';
import 'ddss/vitest';
import { vn } from 'ddss/vn';
import { NOW } from './_run.js';

// Types are checked by `tsc --noEmit` over this file (`npm run typecheck`); the runtime part proves the typed
// spelling (`rules: (rule) => […]`) builds the same rules as the array.

const parcels = defineDataset({
  name: 'parcels',
  key: ['parcel_id'],
  fields: {
    parcel_id: field.text().required().unique().label({ en: 'Parcel', vi: 'Thửa' }),
    sheet: field.integer().min(1),
    area_m2: field.number().required().min(0, { exclusive: true }),
    registered: field.date('dd/MM/yyyy'),
    issued: field.date('dd/MM/yyyy').notInFuture(),
    updated_at: field.datetime(),
    verified: field.boolean(),
    gender: field.enum(['Nam', 'Nữ']).required(),
    owner_id: field.text().required().pii().use(vn.cccd(), vn.cccdPlausible()),
    extra: field.any(),
  },
  rules: (rule) => [
    rule.rowCount({ min: 1 }),
    rule.record('issued_after_registration', (r) => {
      expectTypeOf(r.registered).toEqualTypeOf<Date>();       // named in `fields`: always valid here
      expectTypeOf(r.updated_at).toEqualTypeOf<Date | undefined>();
      return r.registered <= r.issued;
    }, { fields: ['registered', 'issued'] }),
    rule.record('woman_verified', (r) => {
      expectTypeOf(r.gender).toEqualTypeOf<'Nam' | 'Nữ' | undefined>();
      return r.gender !== 'Nữ' || r.verified === true;
    }),
    rule.record('large_area_verified', (r) => r.verified === true, {
      when: (r) => {
        expectTypeOf(r.area_m2).toEqualTypeOf<number | undefined>();
        return (r.area_m2 ?? 0) > 10_000;
      },
    }),
  ],
});
type Parcel = Infer<typeof parcels>;

describe('typed rows', () => {
  it('Infer names every field with its value type, | undefined', () => {
    expectTypeOf<Parcel>().toEqualTypeOf<{
      readonly parcel_id: string | undefined; readonly sheet: number | undefined; readonly area_m2: number | undefined;
      readonly registered: Date | undefined; readonly issued: Date | undefined; readonly updated_at: Date | undefined;
      readonly verified: boolean | undefined; readonly gender: 'Nam' | 'Nữ' | undefined;
      readonly owner_id: string | undefined; readonly extra: unknown;
    }>();
  });

  it('field builders and chained modifiers keep the value type; check receives it', () => {
    expectTypeOf(field.enum(['A', 'B'])).toEqualTypeOf<FieldSpec<'A' | 'B'>>();
    expectTypeOf(field.enum(['A', 'B'] as const).required().pii()).toEqualTypeOf<FieldSpec<'A' | 'B'>>();
    expectTypeOf(field.date().required().use(vn.excelSerial()).check('x', (d) => {
      expectTypeOf(d).toEqualTypeOf<Date>();
      return d.getTime() > 0;
    })).toEqualTypeOf<FieldSpec<Date>>();
    expectTypeOf(field.integer().check('even', (n) => n % 2 === 0)).toEqualTypeOf<FieldSpec<number>>();
    // Rules of any value (the Vietnamese pack's) fit every field; a rule typed for another value type does not.
    const even = valueRule<number>({ name: 'even', criterion: 'correct' }, (n) => n % 2 === 0);
    expectTypeOf(field.integer().use(even, vn.excelSerial())).toEqualTypeOf<FieldSpec<number>>();
    expectTypeOf(field.text().use(vn.mst(), vn.phone(), vn.nfc())).toEqualTypeOf<FieldSpec<string>>();
    // @ts-expect-error -- a check of numbers on a text field
    expect(field.text().use(even).rules).toHaveLength(1);
  });

  it('a typed definition is a DatasetDefinition; an untyped one infers the untyped row', () => {
    expectTypeOf(parcels).toExtend<DatasetDefinition>();
    expectTypeOf<Infer<DatasetDefinition>>().toEqualTypeOf<TypedRow>();
  });

  it('refuses what the types can see is wrong (and the runtime refuses it too)', () => {
    const wrong = () => defineDataset({
      name: 'wrong',
      // @ts-expect-error -- the key names no field
      key: 'parcel',
      fields: { parcel_id: field.text(), n: field.integer(), d: field.date() },
      rules: (rule) => [
        // @ts-expect-error -- `fields` names no field of the row
        rule.record('a', () => true, { fields: ['nope'] }),
        // @ts-expect-error -- a number is not a Date
        rule.record('b', (r) => r.d === 3),
        // @ts-expect-error -- `n` may be undefined when not named in `fields`
        rule.record('c', (r) => r.n > 0),
      ],
    });
    expect(wrong).toThrow(/unknown field "nope"|key field "parcel"/);
    // @ts-expect-error -- an integer field's check receives a number
    expect(field.integer().check('t', (n: string) => n === '').rules).toHaveLength(1);
  });

  it('rules that are neither an array nor a function returning one are a clear definition error', () => {
    const fields = { a: field.text() };
    // Untyped callers (JavaScript, a definition read at run time) can pass anything.
    expect(() => defineDataset({ name: 'x', fields, rules: (() => 'nope') as never })).toThrow(/rules of dataset "x" must be an array/);
    expect(() => defineDataset({ name: 'x', fields, rules: 7 as never })).toThrow(/rules of dataset "x" must be an array/);
    expect(defineDataset({ name: 'x', fields, rules: (r) => [r.rowCount({ min: 1 })] }).rules.map((r) => r.name)).toEqual(['rowCount']);
  });

  it('the typed spelling builds the same rules as the array, and they run', async () => {
    const fields = { a: field.date(), b: field.date() };
    const typed = defineDataset({ name: 't', fields, rules: (rule) => [rule.record('ordered', (r) => r.a <= r.b, { fields: ['a', 'b'] })] });
    const plain = defineDataset({ name: 't', fields, rules: [rule.record('ordered', (r) => (r.a as Date) <= (r.b as Date), { fields: ['a', 'b'] })] });
    const rows = [{ a: '2024-01-01', b: '2024-02-01' }, { a: '2024-03-01', b: '2024-02-01' }, { a: '', b: '2024-02-01' }];
    const [x, y] = [await validate(typed, rows, { now: NOW }), await validate(plain, rows, { now: NOW })];
    expect(x.rules.find((r) => r.id === 'ordered')).toMatchObject({ checked: 2, failed: 1 });
    expect(x).toEqual(y);
  });
});

describe('rule ids of a typed definition', () => {
  it('matchers check the field part of a rule id against the report of a typed definition', async () => {
    // With both dates, so the record rule checks the row: a matcher never passes a rule that checked nothing.
    const report = await validate(parcels, [{ parcel_id: 'P-1', area_m2: '12', gender: 'Nam', owner_id: '001089012345',
      registered: '01/02/2020', issued: '15/03/2020' }], { now: NOW });
    expectTypeOf(report).toEqualTypeOf<TypedReport<Parcel>>();
    expect(report).toHaveNoViolations('parcel_id.unique');
    expect(report).toHaveNoViolations('issued_after_registration');
    expect(report).toHaveNoViolations();
    // @ts-expect-error -- no field `parcel`
    expect(() => expect(report).toHaveNoViolations('parcel.unique')).toThrow(/no rule "parcel\.unique"/);
    // An untyped report takes any id, as before.
    const untyped: Report = report;
    expect(() => expect(untyped).toHaveNoViolations('parcel.unique')).toThrow(/no rule/);
    expectTypeOf<RuleIdOf<'a' | 'b', 'a+b.unique'>>().toEqualTypeOf<'a+b.unique'>();
    expectTypeOf<RuleIdOf<'a' | 'b', 'a+c.unique'>>().toEqualTypeOf<never>();
    expectTypeOf<RuleIdOf<'a', 'rowCount'>>().toEqualTypeOf<'rowCount'>();
    expectTypeOf<RuleIdOf<'a', 'source.extra_cell'>>().toEqualTypeOf<'source.extra_cell'>();
    expectTypeOf<RuleIdOf<'a', 'b.pattern'>>().toEqualTypeOf<never>();
  });
});
