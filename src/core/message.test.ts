import { describe, expect, it } from 'vitest';
import { en, enHints } from './messages/en.js';
import { vi, viHints } from './messages/vi.js';
import { recordsHint, renderMessage, spansHint, viewHint } from './message.js';

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

  // "the record is a {type}" read "is a array", "is a undefined".
  it.each([['array'], ['null'], ['undefined'], ['Promise']])('non_object_element reads right for the type %s', (type) => {
    expect(renderMessage('non_object_element', { type }, 'en')).toBe(`the record is not an object of fields (type: ${type}) and was not read`);
  });
});

describe('recordsHint', () => {
  it('has the same hints, with the same placeholders, in both locales', () => {
    expect(Object.keys(viHints).sort()).toEqual(Object.keys(enHints).sort());
    for (const key of Object.keys(enHints)) expect(placeholders(viHints[key] as string), key).toEqual(placeholders(enHints[key] as string));
  });

  it.each([
    [{ records: 'data', objects: 2000 }, 'en', 'the records seem to be under "data" (an array of 2,000 objects): pass --json-records data'],
    [{ records: 'data', objects: 1 }, 'en', 'the records seem to be under "data" (an array of 1 object): pass --json-records data'],
    [{ records: 'danh sách', objects: 2000 }, 'vi', 'các bản ghi có vẻ nằm trong "danh sách" (một mảng 2.000 đối tượng): hãy dùng --json-records \'danh sách\''],
    [{ records: "it's", objects: 3 }, 'en', 'the records seem to be under "it\'s" (an array of 3 objects): pass --json-records \'it\'\\\'\'s\''],
    [{ type: 'object' }, 'en', undefined],
    [undefined, 'en', undefined],
  ] as const)('words %j in %s', (params, locale, text) => {
    expect(recordsHint(params, locale)).toBe(text);
  });
});

describe('viewHint', () => {
  const view = { table: 'public.parcels', view: 'public.open_parcels', role: 'clerk' };
  it.each([
    [view, 'en', 'read through the view public.open_parcels, which reads public.parcels as role clerk'],
    [view, 'vi', 'đọc qua khung nhìn (view) public.open_parcels, khung nhìn này đọc public.parcels với vai trò clerk'],
    [{ table: 'public.parcels' }, 'en', undefined], // a table read: the role is the one that connected
    [undefined, 'en', undefined],
  ] as const)('words %j in %s', (params, locale, text) => {
    expect(viewHint(params, locale)).toBe(text);
  });
});

describe('spansHint', () => {
  it.each([
    [{ cells: 4, columns: 5, spans: 1 }, 'en', 'a quoted value of this record runs over 1 more line: if a quote is not closed where it should be, the record on that line was read into this one'],
    [{ spans: 1200 }, 'en', 'a quoted value of this record runs over 1,200 more lines: if a quote is not closed where it should be, the records on those lines were read into this one'],
    [{ spans: 2 }, 'vi', 'một giá trị trong dấu ngoặc kép của bản ghi này kéo dài thêm 2 dòng: nếu có dấu ngoặc kép không được đóng đúng chỗ, các bản ghi trên những dòng đó đã bị đọc gộp vào bản ghi này'],
    [{ cells: 4, columns: 5 }, 'en', undefined], // a record on one line: nothing was read into it
    [{ spans: 0 }, 'en', undefined],
    [undefined, 'vi', undefined],
  ] as const)('words %j in %s', (params, locale, text) => {
    expect(spansHint(params, locale)).toBe(text);
  });
});
