/**
 * Issue "Never a false passed": a 15 MB YAML definition hung the CLI (yaml's unique-key check is quadratic), and
 * YAML merge keys (`<<`) gave "missing required key values" instead of naming the key. Definitions are capped before
 * parsing, keys are checked in linear time, and merge keys are refused by name.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDefinition } from '../../src/declarative/load-definition.js';
import { MAX_DEFINITION_BYTES, parseDefinition } from '../../src/declarative/parse-definition.js';
import { DefinitionError } from '../../src/declarative/definition-error.js';
import { definitionProblem } from '../_definition-problem.js';

const dir = mkdtempSync(join(tmpdir(), 'ddss-limits-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const problem = definitionProblem;

/** A YAML definition with `n` fields in one map: the shape yaml's duplicate-key check was quadratic on. */
const manyFields = (n: number) => `name: x\nfields:\n${Array.from({ length: n }, (_, i) => `  f${String(i).padStart(5, '0')}: 1\n`).join('')}`;

describe('definition size', () => {
  it('caps a definition at 1 MB', () => expect(MAX_DEFINITION_BYTES).toBe(1024 * 1024));

  it('refuses a 1.5 MB file before reading it, naming the limit', async () => {
    const path = join(dir, 'big.yaml');
    writeFileSync(path, `name: x\ndescription: "${'x'.repeat(1_500_000)}"\nfields: { a: { type: text } }\n`);
    const started = performance.now();
    const e = await loadDefinition(path).catch((x: unknown) => x);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(e).toBeInstanceOf(DefinitionError);
    expect((e as DefinitionError).message).toBe('big.yaml: larger than 1 MB, the most a definition file may hold');
  });

  it('refuses 1.5 MB of text given directly', () => {
    expect(problem(`name: x\ndescription: "${'x'.repeat(1_500_000)}"\n`).detail).toBe('larger than 1 MB, the most a definition file may hold');
  });

  it('reads a file just under the cap with tens of thousands of keys in bounded time', () => {
    const n = Math.floor((MAX_DEFINITION_BYTES - 100) / '  f00000: 1\n'.length); // 95,000 keys, just under 1 MB
    const text = manyFields(n);
    expect(Buffer.byteLength(text)).toBeLessThan(MAX_DEFINITION_BYTES);
    const started = performance.now();
    const e = problem(text);
    // About 2 s on one idle core (yaml reads ~0.5 MB/s); the quadratic key check took minutes on this file.
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(e.message).toBe(`def.yaml: fields: ${n} fields; a definition may have at most 1000`);
  }, 30_000);

  it('refuses collections nested too deeply for the parser with a usage error, not a crash', () => {
    const e = problem(`name: x\nfields: ${'['.repeat(20_000)}`);
    expect(e.detail).toMatch(/^invalid YAML: nested too deeply at line 2/);
  });

  it('refuses more than 1000 dataset rules, naming the limit', () => {
    const rules = Array.from({ length: 1001 }, () => '  - { type: rowCount, min: 1 }\n').join('');
    expect(problem(`name: x\nfields: { a: { type: text } }\nrules:\n${rules}`).message)
      .toBe('def.yaml: rules: 1001 rules; a definition may have at most 1000');
  });
});

describe('YAML keys', () => {
  it.each([
    ['a merge key in a field', 'name: x\nbase: &b { type: enum, values: [A] }\n', 'fields:\n  a: { <<: *b, required: true }\n', 'fields.a'],
    ['a merge key at the top', 'x: &d { name: x }\n<<: *d\n', 'fields: { a: { type: text } }\n', ''],
  ])('refuses %s by name, with its path', (_, head, tail, path) => {
    const e = problem(head + tail);
    expect(e.detail).toBe('merge keys (<<) are not supported; write the keys out');
    expect(e.path).toBe(path);
  });

  it.each([
    ['name: x\nname: y\nfields: { a: { type: text } }\n', '', 'duplicate key "name"'],
    ['name: x\nfields:\n  a: { type: text }\n  a: { type: integer }\n', 'fields', 'duplicate key "a"'],
    ['name: x\nfields:\n  "1": { type: text }\n  1: { type: integer }\n', 'fields', 'duplicate key "1"'],
    ['name: x\nfields:\n  ? [a, b]\n  : { type: text }\n', 'fields', 'keys must be plain text'],
  ])('refuses %j at %j: %s', (text, path, detail) => {
    const e = problem(text);
    expect(e.path).toBe(path);
    expect(e.detail).toBe(detail);
  });

  it('keeps a quoted "<<" as an ordinary field name', () => {
    expect(Object.keys(parseDefinition('name: x\nfields:\n  "<<": { type: text }\n', { format: 'yaml' }).fields)).toEqual(['<<']);
  });
});
