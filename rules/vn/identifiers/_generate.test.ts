import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ValueRule } from '../../../src/core/types.js';
import {
  legacyPhone, seededRng, validBhxh, validBhyt, validCccd, validCmnd, validMst, validPhone, validPostalCode, type Rng,
} from './_generate.js';
import { cccd, parseCccd } from './cccd.js';
import { cccdPlausible } from './cccd-plausible.js';
import { cmnd } from './cmnd.js';
import { mst } from './mst.js';
import { mstDashed } from './mst-dashed.js';
import { bhxh } from './bhxh.js';
import { bhxhProvince } from './bhxh-province.js';
import { bhyt, parseBhyt } from './bhyt.js';
import { bhytObjectCode } from './bhyt-object-code.js';
import { bhytBenefitLevel } from './bhyt-benefit-level.js';
import { modernMobile, normalizePhone, phone } from './phone.js';
import { phonePrefix } from './phone-prefix.js';
import { postalCode } from './postal-code.js';
import { postalProvince } from './postal-province.js';
import { codes, findings, NOW } from './_check.js';

const seed = fc.integer();
const rngOf = (s: number): Rng => seededRng(s);
const passesAll = (rules: readonly ValueRule[], v: string, now?: Date) =>
  rules.every((r) => codes(r, v, now).length === 0);

describe('generated valid values pass every rule of their identifier', () => {
  it.each<[string, (rng: Rng) => string, readonly ValueRule[]]>([
    ['cccd', (r) => validCccd(r), [cccd(), cccdPlausible()]],
    ['cmnd', validCmnd, [cmnd()]],
    ['mst', (r) => validMst(r), [mst(), mstDashed()]],
    ['mst branch', (r) => validMst(r, { branch: true }), [mst(), mstDashed()]],
    ['bhxh', validBhxh, [bhxh(), bhxhProvince()]],
    ['bhyt', (r) => validBhyt(r), [bhyt(), bhytObjectCode(), bhytBenefitLevel()]],
    ['mobile phone', (r) => validPhone(r), [phone({ kind: 'mobile' }), phonePrefix()]],
    ['landline phone', (r) => validPhone(r, { kind: 'landline' }), [phone({ kind: 'landline' }), phonePrefix()]],
    ['postal code', validPostalCode, [postalCode(), postalProvince()]],
  ])('%s', (_name, gen, rules) => {
    fc.assert(fc.property(seed, (s) => passesAll(rules, gen(rngOf(s)), NOW)), { numRuns: 300 });
  });

  it('bhyt cards generated for a date pass at that date', () => {
    fc.assert(fc.property(seed, fc.constantFrom('2024-05-01', '2026-02-01'), (s, day) => {
      const at = new Date(day);
      return passesAll([bhytBenefitLevel(), bhytObjectCode()], validBhyt(rngOf(s), { at, objectCode: 'CN' }), at);
    }));
  });
});

describe('generators respect what they are asked', () => {
  it('a CCCD encodes the requested birth year, gender and province', () => {
    fc.assert(fc.property(seed, fc.integer({ min: 1900, max: 2026 }), fc.constantFrom('Nam', 'Nữ' as const),
      fc.constantFrom('01', '79', '96'), (s, birthYear, gender, province) => {
        const p = parseCccd(validCccd(rngOf(s), { birthYear, gender, province }));
        return p?.birthYear === birthYear && p.gender === gender && p.provinceCode === province;
      }));
  });

  it('a BHYT card carries the requested BHXH number', () => {
    fc.assert(fc.property(seed, (s) => {
      const rng = rngOf(s);
      const no = validBhxh(rng);
      return parseBhyt(validBhyt(rng, { bhxh: no }))?.bhxh === no;
    }));
  });

  it('the same seed gives the same values', () => {
    expect(validCccd(seededRng(7))).toBe(validCccd(seededRng(7)));
    expect(validPhone(seededRng(7))).toBe(validPhone(seededRng(7)));
  });
});

describe('invariants', () => {
  it('every single-digit corruption of an MST check digit is caught', () => {
    fc.assert(fc.property(seed, fc.boolean(), (s, branch) => {
      const v = validMst(rngOf(s), { branch });
      for (let d = 0; d <= 9; d++) {
        if (String(d) === v[9]) continue;
        const bad = `${v.slice(0, 9)}${d}${v.slice(10)}`;
        if (codes(mst(), bad).join() !== 'bad_check_digit') return false;
      }
      return true;
    }), { numRuns: 300 });
  });

  it('a CCCD that lost its leading zeros in a numeric column is recognised, and the suggestion restores it', () => {
    fc.assert(fc.property(seed, (s) => {
      const v = validCccd(rngOf(s));
      const f = findings(cccd(), Number(v), NOW);
      return f.length === 1 && f[0]?.code === 'leading_zero_lost' && f[0].suggestion === v;
    }));
  });

  it('a legacy mobile number is valid, is reported live, and its suggestion passes both rules', () => {
    fc.assert(fc.property(seed, (s) => {
      const v = legacyPhone(rngOf(s));
      const f = findings(phonePrefix(), v);
      const fixed = f[0]?.suggestion ?? '';
      return codes(phone(), v).length === 0 && f[0]?.code === 'legacy_mobile_prefix' && fixed === modernMobile(v) &&
        passesAll([phone(), phonePrefix()], fixed);
    }), { numRuns: 200 });
  });

  it('normalizePhone is idempotent', () => {
    fc.assert(fc.property(fc.string(), (s) => normalizePhone(normalizePhone(s)) === normalizePhone(s)));
  });

  it('rules never throw on arbitrary input', () => {
    const rules = [cccd(), cccdPlausible(), cmnd(), mst(), mstDashed(), bhxh(), bhxhProvince(), bhyt(), bhytObjectCode(),
      bhytBenefitLevel(), phone(), phonePrefix(), postalCode(), postalProvince()];
    fc.assert(fc.property(fc.oneof(fc.string(), fc.integer(), fc.double(), fc.bigInt(), fc.boolean(), fc.date()), (v) => {
      for (const r of rules) findings(r, v);
      return true;
    }));
  });
});
