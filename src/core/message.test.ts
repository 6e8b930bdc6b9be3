import { describe, expect, it } from 'vitest';
import { en } from './messages/en.js';
import { vi } from './messages/vi.js';
import { renderMessage } from './message.js';

const placeholders = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message tables', () => {
  it('every built-in code has an English and a Vietnamese message with the same placeholders', () => {
    expect(Object.keys(vi).sort()).toEqual(Object.keys(en).sort());
    for (const code of Object.keys(en)) {
      expect(placeholders(vi[code] as string), code).toEqual(placeholders(en[code] as string));
      expect(code).toMatch(/^[a-z][a-z0-9_]*$/);
    }
  });

  it('renders in the chosen locale, with overrides first', () => {
    const params = { field: 'owner_id', value: '0010******45' };
    expect(renderMessage('missing_value', params, 'en')).toBe('owner_id is required but missing');
    expect(renderMessage('missing_value', params, 'vi')).toBe('owner_id là trường bắt buộc nhưng bị bỏ trống');
    expect(renderMessage('missing_value', params, 'vi', { en: 'E {field}', vi: 'V {field}' })).toBe('V owner_id');
    expect(renderMessage('x_code', params, 'vi', undefined, { x_code: { en: 'e', vi: 'v {value}' } })).toBe('v 0010******45');
    expect(renderMessage('unknown_code', params, 'en')).toBe('unknown_code');
  });

  it('renders localized params and keeps unknown placeholders visible', () => {
    expect(renderMessage('stale_record', { field: 'f', value: 'v', maxAge: { en: '1 year', vi: '1 năm' } }, 'vi'))
      .toContain('1 năm');
    expect(renderMessage('below_minimum', { field: 'f', value: 1 }, 'en')).toBe('f: 1 is below the minimum {min}');
  });
});
