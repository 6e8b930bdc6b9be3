import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { decidingLength, isServiceNumber, modernMobile, normalizePhone, phone, phoneKind, typedKind } from './phone.js';
import { phonePrefix } from './phone-prefix.js';
import { codes, findings } from './_check.js';

describe('normalizePhone', () => {
  it.each([
    ['0912 345 678', '0912345678'], ['+84 912.345.678', '0912345678'], ['84912345678', '0912345678'],
    ['0084-912-345-678', '0912345678'], ['+84 (0) 912 345 678', '0912345678'], ['(028) 3812 3456', '02838123456'],
    ['0912\u00a0345\u00a0678', '0912345678'], ['912345678', '912345678'], ['841234567', '841234567'], ['abc', 'abc'],
    // Service numbers (1800 toll-free, 1900 premium-rate) are dialled without a trunk zero, from anywhere.
    ['1900 1234', '19001234'], ['1800.5888', '18005888'], ['1900 54 54 54', '1900545454'], ['+84 1900 1234', '19001234'],
    ['84 1900 545454', '1900545454'], ['019001234', '19001234'], ['0084 1800 1091', '18001091'],
  ])('%j → %j', (input, out) => {
    expect(normalizePhone(input)).toBe(out);
  });
});

describe('modernMobile', () => {
  it.each([
    ['01621234567', '0321234567'], ['01691234567', '0391234567'], ['01201234567', '0701234567'],
    ['01211234567', '0791234567'], ['01231234567', '0831234567'], ['01991234567', '0591234567'],
    ['01861234567', '0561234567'], ['02838123456', undefined], ['0912345678', undefined],
  ])('%s → %s', (from, to) => {
    expect(modernMobile(from)).toBe(to);
  });
});

describe('phone', () => {
  const rule = phone();

  // Regression: hotlines were `leading_zero_lost` with the suggestion "019001234", which would corrupt them.
  it.each(['1900 1234', '19001234', '1800 5888', '1900545454', '1800599920', '1900 54 54 54', '+84 1900 1234',
    '019001234', 19001234, 1800599920, '12011234', '12281234'])(
    'accepts the service number (hotline) %j by default', (v) => {
      expect(findings(rule, v)).toEqual([]);
    });

  it.each<[string | number, readonly string[]]>([
    ['1900 1234', ['service_number_not_allowed']], ['1800 5888', ['service_number_not_allowed']],
    [1900545454, ['service_number_not_allowed']], ['0912345678', []], ['02838123456', []],
    ['190012', ['invalid_phone']], ['19001234567', ['invalid_phone']],
  ])('refuses hotlines with { hotlines: false }: %j → %j', (v, expected) => {
    expect(codes(phone({ hotlines: false }), v)).toEqual(expected);
  });

  it.each<['mobile' | 'landline' | 'any', boolean | undefined, string, readonly string[]]>([
    ['mobile', undefined, '19001234', ['service_number_not_allowed']],
    ['landline', undefined, '18005888', ['service_number_not_allowed']],
    ['mobile', true, '19001234', []], ['mobile', true, '02838123456', ['not_mobile']],
    ['any', undefined, '19001234', []],
  ])('kind %s with hotlines %j: %s → %j', (kind, hotlines, v, expected) => {
    expect(codes(phone({ kind, ...(hotlines === undefined ? {} : { hotlines }) }), v)).toEqual(expected);
  });

  it('names hotlines in its params', () => {
    expect(phone().params).toEqual({ kind: 'any', hotlines: true });
    expect(phone({ kind: 'mobile' }).params).toEqual({ kind: 'mobile', hotlines: false });
  });

  it('is a correct rule with severity error', () => {
    expect([rule.name, rule.criterion, rule.severity]).toEqual(['phone', 'correct', 'error']);
  });

  // 0891234567 and 0521234567 fit DOMAIN-VN's practical pattern though libphonenumber's metadata rejects them.
  it.each(['0912345678', '+84 912 345 678', '0321234567', '0862345678', '02838123456', '01621234567', '0563456789',
    '0891234567', '0521234567'])(
    'accepts %j', (v) => {
      expect(codes(rule, v)).toEqual([]);
    });

  it.each([
    ['091234567', 'invalid_phone'], ['09123456789', 'invalid_phone'], ['0112345678', 'invalid_phone'],
    ['0241234567', 'invalid_phone'], ['hello', 'invalid_phone'], ['+1 415 555 2671', 'invalid_phone'],
    ['01001234567', 'invalid_phone'], ['12345', 'invalid_phone'], [-912345678, 'invalid_phone'],
  ])('rejects %j with %s', (v, code) => {
    expect(codes(rule, v)).toEqual([code]);
  });

  it('reports a lost trunk zero with the padded number', () => {
    expect(findings(rule, 912345678)[0]).toMatchObject({ code: 'leading_zero_lost', suggestion: '0912345678' });
  });

  it.each([
    ['mobile', '0912345678', []], ['mobile', '02838123456', ['not_mobile']],
    ['landline', '02838123456', []], ['landline', '0912345678', ['not_landline']],
  ] as const)('kind %s: %s → %j', (kind, v, expected) => {
    expect(codes(phone({ kind }), v)).toEqual(expected);
  });

  it('classifies numbers by kind', () => {
    expect(phoneKind('0912345678')).toBe('mobile');
    expect(phoneKind('02838123456')).toBe('landline');
    expect(phoneKind('912345678')).toBeUndefined();
    expect(phoneKind('19001234')).toBe('hotline');
    expect(phoneKind('1800599920')).toBe('hotline');
    expect(phoneKind('190012')).toBeUndefined();
  });

  it('knows the service numbers exactly as the numbering metadata does (property)', () => {
    const service = fc.tuple(fc.constantFrom('1800', '1900', '1201', '1203', '1228', '1210', '1990', '1000'),
      fc.stringMatching(/^\d{2,7}$/)).map(([a, b]) => a + b);
    fc.assert(fc.property(service, (n) => {
      const t = parsePhoneNumberFromString(n, 'VN')?.getType();
      return isServiceNumber(n) === (t === 'TOLL_FREE' || t === 'PREMIUM_RATE');
    }));
  });
});

describe('phonePrefix', () => {
  const rule = phonePrefix();

  it('is a live rule with severity error', () => {
    expect([rule.name, rule.criterion, rule.severity]).toEqual(['phonePrefix', 'live', 'error']);
  });

  it.each(['0912345678', '02838123456', 'junk', '01001234567', '1900 1234', '1800599920', '019001234', '+84 1900 5454 54'])('accepts %j', (v) => {
    expect(codes(rule, v)).toEqual([]);
  });

  it.each([
    ['01621234567', '0321234567'], ['0162 123 4567', '0321234567'], ['+84 162 123 4567', '0321234567'],
    ['01291234567', '0821234567'], ['01881234567', '0581234567'],
  ])('%j → legacy_mobile_prefix, suggestion %s', (v, modern) => {
    expect(findings(rule, v)).toEqual([
      { code: 'legacy_mobile_prefix', suggestion: modern, params: { prefix: v.startsWith('+') ? '0162' : normalizePhone(v).slice(0, 4), current: modern.slice(0, 3) } },
    ]);
  });
});

// libphonenumber-js built every pattern's RegExp again for each number (~10 µs a number, 2/3 of an insurance run):
// kinds are remembered per prefix and length, which is exact only while the metadata's patterns are prefixes
// followed by any digits. The library itself is the oracle here.
describe('phoneKind remembered per prefix and length', () => {
  it('reads a deciding prefix from the installed metadata (the remembering is in use)', () => {
    const length = decidingLength();
    expect(length).toBeGreaterThanOrEqual(3);
    expect(length).toBeLessThanOrEqual(8);
  });

  it('gives the library\'s answer for any number, in any order', () => {
    const national = fc.tuple(fc.constantFrom('0', '00', '01', '02', '03', '05', '07', '08', '09', '012', '018', '019', '0672', '0699'),
      fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 0, maxLength: 12 })).map(([p, d]) => p + d.join(''));
    fc.assert(fc.property(fc.array(national, { minLength: 1, maxLength: 50 }), (numbers) => {
      for (const n of numbers) expect([n, phoneKind(n)]).toEqual([n, typedKind(n)]);
    }), { numRuns: 400 });
  });

  it('gives the library\'s answer for every prefix of four digits at the usual lengths', () => {
    for (let p = 0; p < 10000; p++) {
      for (const length of [8, 9, 10, 11]) {
        const head = `0${String(p).padStart(4, '0')}`;
        const a = (head + '1234567').slice(0, length);
        const b = (head + '9876543').slice(0, length);
        // Two numbers of one prefix and length: the second is answered from the first, and must be its own answer.
        expect([a, phoneKind(a), b, phoneKind(b)]).toEqual([a, typedKind(a), b, typedKind(b)]);
      }
    }
  });
});
