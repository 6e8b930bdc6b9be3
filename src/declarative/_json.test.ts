import { describe, expect, it } from 'vitest';
import { DefinitionError } from './definition-error.js';
import { readJson } from './_json.js';

function problem(text: string): DefinitionError {
  try {
    readJson(text);
  } catch (e) {
    if (e instanceof DefinitionError) return e;
    throw e;
  }
  throw new Error('expected a DefinitionError');
}

describe('readJson', () => {
  it.each([
    // [text, path of the object holding the key twice, detail]
    ['{"a":1,"a":2}', '', 'duplicate key "a"'],
    ['{"fields":{"n":{"type":"integer","min":100,"min":0}}}', 'fields.n', 'duplicate key "min"'],
    ['{"a":1,"\\u0061":2}', '', 'duplicate key "a"'], // one key once decoded
    ['{"rules":[{"x":1},{"y":[1,{"z":1,"z":2}]}]}', 'rules[1].y[1]', 'duplicate key "z"'],
    ['{"f":{"a.b":{"k":1," k":2,"k":3}}}', 'f["a.b"]', 'duplicate key "k"'],
    ['{"a":{"s":"x\\"y,\\\\","s":1}}', 'a', 'duplicate key "s"'], // quotes and backslashes inside strings
    ['\ufeff{"a":[],"b":{},"a":null}', '', 'duplicate key "a"'],
    ['{"":1,"":2}', '', 'duplicate key ""'],
    ['{"__proto__":1,"__proto__":2}', '', 'duplicate key "__proto__"'],
  ])('%s → %s: %s', (text, path, detail) => {
    const e = problem(text);
    expect(e.path).toBe(path);
    expect(e.detail).toBe(detail);
  });

  it.each([
    ['{"a":{"a":{"a":1}},"b":[{"a":1},{"a":2}]}'], // the same key in different objects
    ['{"a":"a","b":["a","a"],"c":{"a":"\\"a\\":"}}'], // the same text as values
    ['{"a":1,"A":2,"a ":3}'],
    ['[{"a":1},{"a":1}]'],
  ])('accepts %s', (text) => {
    expect(readJson(text)).toEqual(JSON.parse(text));
  });

  it('reports JSON syntax errors', () => {
    expect(problem('{"a":').detail).toMatch(/^invalid JSON/);
  });

  it('stays linear on a large file and on deep nesting', () => {
    const keys = `{${Array.from({ length: 60_000 }, (_, i) => `"k${i}":${i}`).join(',')}}`;
    const deep = `${'{"a":['.repeat(100_000)}${']}'.repeat(100_000)}`;
    const started = Date.now();
    expect(Object.keys(readJson(keys) as object)).toHaveLength(60_000);
    expect(() => readJson(deep)).not.toThrow();
    expect(problem(`${'{"a":'.repeat(100_000)}{"b":1,"b":2}${'}'.repeat(100_000)}`).detail).toBe('duplicate key "b"');
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
