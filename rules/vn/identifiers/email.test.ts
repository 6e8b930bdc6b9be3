import { describe, expect, it } from 'vitest';
import { email, splitEmail } from './email.js';
import { emailDomainLowercase } from './email-domain-lowercase.js';
import { codes, runValue } from '../cross/_testkit.js';

describe('email', () => {
  it.each([
    'info@congty.vn', 'ke.toan@cong-ty.com.vn', 'a+b@x.io', " o'neil@mail.example.org ", 'Info@CongTy.VN', 'x_1@a1.vn',
  ])('accepts %s', (v) => {
    expect(runValue(email(), v)).toEqual([]);
  });

  it.each([
    'info@congty', 'info', '@congty.vn', 'info@', 'a@@congty.vn', 'a@b@congty.vn', 'a..b@congty.vn', '.a@congty.vn',
    'a.@congty.vn', 'a b@congty.vn', 'a@-congty.vn', 'a@congty-.vn', 'a@congty.v', 'a@congty.123', 'a@cong ty.vn',
    'thư@congty.vn', `${'a'.repeat(65)}@congty.vn`, `a@${'b'.repeat(250)}.vn`, 'a@congty..vn',
  ])('reports %s as invalid_email', (v) => {
    expect(codes(runValue(email(), v))).toEqual(['invalid_email']);
  });

  it('reports a value that is not text', () => {
    expect(codes(runValue(email(), 12 as unknown))).toEqual(['invalid_email']);
  });

  it('splits an address into its parts, keeping case', () => {
    expect(splitEmail('Info@CongTy.vn')).toEqual({ local: 'Info', domain: 'CongTy.vn' });
  });
});

describe('emailDomainLowercase', () => {
  it.each(['info@congty.vn', 'Info@congty.vn', 'not an address', 'A@B'])('passes %s', (v) => {
    expect(runValue(emailDomainLowercase(), v)).toEqual([]);
  });

  it.each([
    ['info@CongTy.vn', 'info@congty.vn'], ['Ke.Toan@CONGTY.COM.VN', 'Ke.Toan@congty.com.vn'], [' a@B.vn ', 'a@b.vn'],
  ])('reports %s with the suggestion %s', (v, suggestion) => {
    expect(runValue(emailDomainLowercase(), v)).toEqual([{ code: 'uppercase_email_domain', suggestion }]);
  });

  it('is a clean warning', () => {
    const r = emailDomainLowercase();
    expect([r.criterion, r.severity]).toEqual(['clean', 'warning']);
  });
});
