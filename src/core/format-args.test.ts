import { describe, expect, it } from 'vitest';
import { field } from '../field.js';
import { oneOf, notOneOf } from '../../rules/correct/one-of.js';
import { defineDataset } from '../define.js';
import { rule } from '../rule.js';
import { validate } from '../validate.js';

// JavaScript callers (and options TypeScript does not check) can pass anything: each of these changed what the field
// accepted without a word, or failed with a TypeError naming nothing.
describe('the arguments that say how a field reads its values', () => {
  it.each<[string, () => unknown, RegExp]>([
    ['field.date({ format })', () => field.date({ format: 'dd/MM/yyyy' } as never), /field\.date takes its date-fns format as text.*got an object \(did you mean field\.date\("dd\/MM\/yyyy"\)\?\)/],
    ['field.date(null)', () => field.date(null as never), /field\.date takes its date-fns format as text.*got null$/],
    ['field.date(20240101)', () => field.date(20240101 as never), /got number$/],
    ['field.number(",")', () => field.number(',' as never), /the options of field\.number must be an object, got string/],
    ['field.number(null)', () => field.number(null as never), /the options of field\.number must be an object, got null/],
    ['field.number({ decimal: ";" })', () => field.number({ decimal: ';' } as never), /decimal must be "\." or ",", got ";"/],
    ['field.number({ thousands: "_" })', () => field.number({ thousands: '_' } as never), /thousands must be "\.", "," or " ", got "_"/],
    ['field.number({ decimals: "," })', () => field.number({ decimals: ',' } as never), /"decimals" is not an option of field\.number \(did you mean "decimal"\?\)/],
    ['field.boolean("có")', () => field.boolean('có' as never), /the options of field\.boolean must be an object, got string/],
    ['field.boolean({ true: "có" })', () => field.boolean({ true: 'có' } as never), /true must be a list of texts, e.g. \{ true: \["có"\] \}; got string/],
    ['field.boolean({ false: [0] })', () => field.boolean({ false: [0] } as never), /false must be a list of texts; it holds 0/],
    ['field.boolean({ yes: ["có"] })', () => field.boolean({ yes: ['có'] } as never), /"yes" is not an option of field\.boolean/],
    ['field.enum("Nam")', () => field.enum('Nam' as never), /field\.enum takes a list of values, not a text: did you mean field\.enum\(\["Nam"\]\)\?/],
    ['field.enum(null)', () => field.enum(null as never), /field\.enum takes a list of values, got null/],
    ['field.enum([1, 2])', () => field.enum([1, 2] as never), /field\.enum lists texts \(it is a text field\); it holds 1 \(write "1", or use field\.integer\(\)\.oneOf/],
    // eslint-disable-next-line no-sparse-arrays -- the hole is the point
    ['field.enum(["Nam", , "Nữ"])', () => field.enum(['Nam', , 'Nữ'] as never), /it holds undefined/],
    ['oneOf("Nam")', () => oneOf('Nam'), /oneOf takes a list of values, not a text: did you mean oneOf\(\["Nam"\]\)\?/],
    ['notOneOf(42)', () => notOneOf(42 as never), /notOneOf takes a list of values, got number/],
    ['field.text().oneOf("Nam")', () => field.text().oneOf('Nam'), /oneOf takes a list of values, not a text: did you mean oneOf\(\["Nam"\]\)\?/],
    ['field.text().notOneOf("000")', () => field.text().notOneOf('000'), /notOneOf takes a list of values, not a text/],
    ['rule.reference(column, "01")', () => rule.reference('p', '01' as never), /rule\.reference takes a list of values, not a text: did you mean rule\.reference\(\["01"\]\)\?/],
    ['rule.reference(column, 5)', () => rule.reference('p', 5 as never), /rule\.reference takes a list of values, got number/],
    ['field.text().oneOf(undefined)', () => field.text().oneOf(undefined as never), /oneOf takes a list of values, got undefined/],
  ])('%s is refused, saying what was meant', (_, make, message) => {
    expect(make).toThrow(TypeError);
    expect(make).toThrow(message);
  });

  it('accepts what it accepted: formats as documented, lists of any iterable, numbers in a number field\'s list', async () => {
    const def = defineDataset({
      name: 'args',
      fields: {
        d: field.date('dd/MM/yyyy'),
        n: field.number({ decimal: ',', thousands: '.' }),
        b: field.boolean({ true: ['có'], false: ['không'] }),
        g: field.text().oneOf(new Set(['Nam', 'Nữ'])),
        k: field.integer().oneOf([1, 2]),
      },
    });
    const report = await validate(def, [
      { d: '01/02/2024', n: '1.234,5', b: 'Có', g: 'Nữ', k: '2' },
      { d: '2024-02-01', n: '1,234.5', b: 'yes', g: 'nu', k: '3' },
    ]);
    expect(report.rules.filter((r) => r.failed > 0).map((r) => `${r.id}:${r.failed}`))
      .toEqual(['d.type:1', 'n.type:1', 'b.type:1', 'g.oneOf:1', 'k.oneOf:1']);
  });
});
