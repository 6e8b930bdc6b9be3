import { describe, expect, it } from 'vitest';
import { defineDataset, field } from '../index.js';
import { compile } from './compile.js';
import { InstantDate } from './instant-date.js';

const signature = (f: ReturnType<typeof field.text> | ReturnType<typeof field.datetime>) =>
  compile(defineDataset({ name: 'd', fields: { x: f } })).signature;

// The signature decides which shard states merge: two definitions whose params show the same text must still differ.
describe('the signature of a definition', () => {
  const values = Array.from({ length: 12 }, (_, i) => `v${i}`);

  it('is the same for the same definition built twice', () => {
    expect(signature(field.text().oneOf([...values, 'v12']))).toBe(signature(field.text().oneOf([...values, 'v12'])));
  });

  it('differs for lists that differ past the twelve values their params show', () => {
    expect(signature(field.text().oneOf([...values, 'v12']))).not.toBe(signature(field.text().oneOf([...values, 'zz'])));
    expect(signature(field.text().notOneOf([...values, 'v12']))).not.toBe(signature(field.text().notOneOf([...values, 'zz'])));
  });

  it('differs for bounds within one day (params show the day)', () => {
    const at = (iso: string) => field.datetime().min(new Date(iso));
    expect(signature(at('2026-01-01T00:00:00Z'))).not.toBe(signature(at('2026-01-01T12:00:00Z')));
  });

  it('differs for a changed bound, as for min: 0 and min: 40', () => {
    expect(signature(field.text().length({ max: 10 }))).not.toBe(signature(field.text().length({ max: 11 })));
  });
});

describe('the plan of a run in a time zone', () => {
  const def = defineDataset({ name: 'z', fields: { at: field.datetime(), note: field.text() } });

  it('is the definition\'s plan in UTC; in another zone, the same plan but for the datetime parsers', () => {
    const utc = compile(def);
    const vn = compile(def, 'Asia/Ho_Chi_Minh');
    expect(compile(def, 'UTC')).toBe(utc);
    expect(compile(def, 'Asia/Ho_Chi_Minh')).toBe(vn);
    expect(vn.signature).toBe(utc.signature);
    expect(vn.slots).toBe(utc.slots);
    expect(vn.fields[1]).toBe(utc.fields[1]);
    expect([utc.fields[0]?.parse('2026-11-21 15:00'), vn.fields[0]?.parse('2026-11-21 15:00')])
      .toEqual([new Date('2026-11-21T15:00:00Z'), new Date('2026-11-21T08:00:00Z')]);
  });

  it('is the definition\'s own plan when no field\'s reading depends on the zone', () => {
    const plain = defineDataset({ name: 'p', fields: { n: field.integer(), note: field.text() } });
    expect(compile(plain, 'Asia/Ho_Chi_Minh')).toBe(compile(plain));
  });

  it('reads a timestamptz (an InstantDate) in a date field as its day in the zone, any other Date as its UTC day', () => {
    const dated = defineDataset({ name: 'd', fields: { day: field.date('dd/MM/yyyy') } });
    const [utc, vn] = [compile(dated).fields[0], compile(dated, 'Asia/Ho_Chi_Minh').fields[0]];
    const late = Date.parse('2026-11-21T17:30:00Z'); // 00:30 on 22 November in Vietnam
    expect([utc?.parse(new InstantDate(late)), vn?.parse(new InstantDate(late)), vn?.parse(new Date(late)), vn?.parse('22/11/2026')])
      .toEqual([new Date(late), new Date('2026-11-22T00:00:00Z'), new Date(late), new Date('2026-11-22T00:00:00Z')]);
  });
});
