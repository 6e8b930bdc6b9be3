import { describe, expect, it } from 'vitest';
import { renderMessage } from '../../../src/core/message.js';
import type { TypedRow, ValueRule } from '../../../src/core/types.js';
import { identifiers } from '../identifiers.js';
import { findings } from './_check.js';

/** Inputs that together reach every code of every rule, with the run dates and records some codes need. */
const corpus: readonly unknown[] = [
  '001089012345', '0010890123456', '001089O12345', '001-089-012345', 1089012345, '001299000000', '840089012345',
  '001989012345', '012345678', 12345678, '01234567X', '0100109106', '0100109107', '001299012345', '0100109106-000', '0100109106001',
  100109106, '010010910a', '0123456789', 123456789, '0312345678', 'DN4010123456789', 'dn4010123456789',
  'DN4030123456789', 'ZZ4010123456789', 'AK4010123456789', 'HT4010123456789', '0912345678', '02838123456',
  '0241234567', 912345678, '01621234567', '19001234', '10000', '4000', '99123', '1000O', '100000', '75000',
  'info@congty.vn', 'Info@CongTy.VN', 'info@congty', '1.08901E+11', '7.9301123456E+10', '1.2345E+9', '1,2345E+4',
];
const dates = [new Date('2024-06-01'), new Date('2026-11-22')];
const records: readonly TypedRow[] = [{}, { province_code: '79' }];

const f = identifiers;
const rules: readonly ValueRule[] = [
  f.cccd(), f.cccd({ acceptCmnd: true }), f.cccdPlausible(), f.cmnd(), f.cmndRetired(), f.mst(), f.mstDashed(),
  f.bhxh(), f.bhxhProvince(), f.bhyt(), f.bhytObjectCode(), f.bhytBenefitLevel(), f.phone(),
  f.phone({ kind: 'mobile' }), f.phone({ kind: 'landline' }), f.phone({ hotlines: false }), f.phonePrefix(), f.postalCode(),
  f.postalProvince({ provinceField: 'province_code' }), f.email(), f.emailDomainLowercase(),
];

const VIETNAMESE = /[ăâđêôơưáàảãạếềểễệốồổỗộớờởỡợúùủũụứừửữựíìỉĩịýỳỷỹỵéèẻẽẹóòỏõọ]/iu;

describe('messages of the identifier rules', () => {
  it('every factory is covered by this test', () => {
    expect(new Set(rules.map((r) => r.name))).toEqual(new Set(Object.keys(identifiers)));
  });

  it.each(rules.map((r, i) => [`${r.name}#${i}`, r] as const))('%s: every emitted code has en and vi text, fully filled', (_n, rule) => {
    const emitted = new Set<string>();
    for (const value of corpus) for (const now of dates) for (const record of records) {
      for (const finding of findings(rule, value, now, record)) {
        emitted.add(finding.code);
        const params = { field: 'f', value: 'v', rule: rule.name, ...rule.params, ...finding.params };
        const own = rule.messages?.[finding.code];
        expect(own, `${rule.name} ships no message for ${finding.code}`).toBeDefined();
        for (const locale of ['en', 'vi'] as const) {
          const text = renderMessage(finding.code, params, locale, undefined, rule.messages);
          expect(text, `${rule.name}/${finding.code}/${locale}`).not.toMatch(/\{\w+\}/);
        }
      }
    }
    expect(emitted.size).toBeGreaterThan(0);
  });

  it.each(rules.map((r) => [r.name, r] as const))('%s: each declared message is bilingual and the vi text is Vietnamese', (_n, rule) => {
    for (const [code, text] of Object.entries(rule.messages ?? {})) {
      expect(text.en.length, code).toBeGreaterThan(10);
      expect(text.vi, code).toMatch(VIETNAMESE);
      expect(text.vi, code).not.toBe(text.en);
      expect(text.vi, code).toBe(text.vi.normalize('NFC'));
    }
  });

  it('the corpus reaches every declared code (so the first test checks all of them)', () => {
    const declared = new Set<string>();
    const emitted = new Set<string>();
    for (const rule of rules) {
      for (const code of Object.keys(rule.messages ?? {})) declared.add(`${rule.name}:${code}`);
      for (const value of corpus) for (const now of dates) for (const record of records) {
        for (const finding of findings(rule, value, now, record)) emitted.add(`${rule.name}:${finding.code}`);
      }
    }
    expect([...declared].filter((c) => !emitted.has(c))).toEqual([]);
  });
});
