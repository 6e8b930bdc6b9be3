import { describe, expect, it } from 'vitest';
import { readJson, reference } from '../index.js';

const json = (text: string) => readJson([text], { format: text.startsWith('[') ? 'json' : 'ndjson', name: 'communes.json' });
const load = (text: string) => reference('communes', json(text), { key: 'code', columns: ['name'] }).load();

describe('a reference whose key or kept cell is an array or an object is refused (read as text it was a guess)', () => {
  it.each([
    // ["00004"] read as the text "00004", [1] as "1": a checked row naming that key passed against a cell that holds a list.
    ['an array key', '[{"code":"00001","name":"A"},\n{"code":["00004"],"name":"B"}]', /the first at line 2, in 'code': an array/],
    ['an object key', '[{"code":{"id":"00004"},"name":"B"}]', /the first at line 1, in 'code': an object/],
    ['a list of keys', '{"code":"00001","name":"A"}\n{"code":["00004","00006"],"name":"B"}\n', /the first at line 2, in 'code': an array/],
    ['a kept cell', '[{"code":"00004","name":["Ba Đình"]}]', /the first at line 1, in 'name': an array/],
  ])('%s', async (_what, text, where) => {
    const t = await load(text);
    expect(t.error).toMatch(/^reference 'communes' holds 1 cell\(s\) the rules read that are an array or an object, not one value \(the first at line \d+, in '\w+': an? \w+\), so the key or value each stands for would be a guess; give each as a text or a number and run again$/);
    expect(t.error).toMatch(where);
  });

  it('counts every such cell and names the first', async () => {
    const t = await load('[{"code":"00001","name":{}},{"code":[1],"name":"B"},{"code":[],"name":[]}]');
    expect(t.error).toContain("holds 4 cell(s) the rules read that are an array or an object, not one value (the first at line 1, in 'name': an object)");
  });

  it('cells the rules do not read may hold anything; text, numbers and booleans are keys as before', async () => {
    const t = await load('[{"code":"00001","name":"A","extra":[1,{}]},{"code":4,"name":true}]');
    expect([t.error, t.size, t.has(['00001']), t.has(['4']), t.get(['4'], 'name')]).toEqual([undefined, 2, true, true, 'true']);
  });

  it('rows given in code too (a Date is a value, not a compound)', async () => {
    const t = await reference('communes', [{ code: ['00004'] }, { code: new Date(0) }], { key: 'code' }).load();
    expect(t.error).toMatch(/holds 1 cell\(s\) .* \(the first at row 0, in 'code': an array\)/);
  });
});
