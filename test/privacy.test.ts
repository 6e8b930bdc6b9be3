import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createValidator, defineDataset, field, readCsv, rule, toJson, validate } from '../src/index.js';
import { hashedPeople } from './fixtures/privacy/hashed.js';
import type { Violation } from '../src/index.js';
import { NOW, run } from './_run.js';

// Sentinel personal data: none of it may appear in any output unless showValues is set.
const KEY = 'a-test-key-kept-out-of-any-report';
const ID = '079301123456';
const NAME = 'Sentinelname Vănthị';
const def = defineDataset({
  name: 'people', key: 'id_no',
  fields: {
    id_no: field.text().required().pattern(/^\d{9}$/).unique().pii(),
    full_name: field.text().pattern(/^\p{Lu}/u).trimmed().pii(),
    phone: field.text().pii('hash').pattern(/^0\d{9}$/),
  },
  rules: [
    rule.uniqueBy(['id_no', 'full_name']),
    rule.record('leaky', (r) => {
      if (r.full_name === ` ${NAME}`) throw new Error(`cannot parse ${ID} for ${NAME}`);
      return true;
    }),
  ],
});
const rows = [
  { id_no: ID, full_name: ` ${NAME}`, phone: '0912345678x' },
  { id_no: ID, full_name: ` ${NAME}`, phone: '0912345678x' },
  { id_no: ID, full_name: NAME.toLowerCase(), phone: '0912345678' },
];

describe('personal data is masked by default', () => {
  it('in report JSON, samples, messages, suggestions, keys, error messages and the violation sink', async () => {
    const streamed: Violation[] = [];
    const report = await run(def, rows, { piiKey: KEY, onViolation: (v) => streamed.push(v) });
    const outputs = [toJson(report), JSON.stringify(report.violations), JSON.stringify(streamed)];
    for (const text of outputs) {
      expect(text).not.toContain(ID);
      expect(text).not.toContain('Sentinelname');
      expect(text).not.toContain('sentinelname');
      expect(text).not.toContain('0912345678');
    }
    expect(streamed.length).toBeGreaterThan(5);
    expect(report.violations.find((v) => v.rule === 'id_no.pattern')?.value).toBe('0793******56');
  });

  it('masks identifier-shaped numbers in rule errors even when they come from another row', async () => {
    const other = defineDataset({
      name: 'p', fields: { id_no: field.text().pii() },
      rules: [rule.record('remembers', (r) => { if (r.id_no === 'second') throw new Error(`first row was ${ID}`); return true; })],
    });
    const report = await run(other, [{ id_no: ID }, { id_no: 'second' }]);
    expect(report.rules.find((r) => r.id === 'remembers')?.error).toBe('first row was 0793******56 (row 1)');
  });

  it('hashed fields stay traceable: equal values hash equally', async () => {
    const report = await run(def, rows, { piiKey: KEY });
    const hashes = report.violations.filter((v) => v.rule === 'phone.pattern').map((v) => v.value);
    expect(hashes).toHaveLength(2);
    expect(hashes[0]).toMatch(/^#[0-9a-f]{16}$/);
    expect(hashes[0]).toBe(hashes[1]);
  });

  it('showValues opts out', async () => {
    const report = await run(def, rows, { showValues: true });
    expect(toJson(report)).toContain(ID);
    expect(report.rules.find((r) => r.id === 'leaky')?.error).toContain(NAME);
  });
});

describe('hashed fields need the caller\'s key, so the same input gives the same report on every run', () => {
  it('validate and createValidator refuse a definition with a hashed field and no piiKey, naming the field', async () => {
    await expect(run(def, rows)).rejects.toThrow(/hashes personal field\(s\) phone .*piiKey/);
    await expect(run(def, rows, { piiKey: '' })).rejects.toThrow(/piiKey/);
    expect(() => createValidator(def, {})).toThrow(/piiKey/);
    // Nothing is hashed when values are shown: no key needed.
    await expect(run(def, rows, { showValues: true })).resolves.toMatchObject({ dataset: 'people' });
  });

  it('two runs with one key are byte-identical; another key gives other hashes, and the key never appears', async () => {
    const a = toJson(await run(def, rows, { piiKey: KEY }));
    expect(toJson(await run(def, rows, { piiKey: KEY }))).toBe(a);
    const b = toJson(await run(def, rows, { piiKey: 'another key' }));
    expect(b).not.toBe(a);
    expect(a).not.toContain(KEY);
  });

  it('worker threads use the caller\'s key (no per-run key), and refuse before starting without one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ddss-privacy-'));
    try {
      const path = join(dir, 'people.csv');
      writeFileSync(path, `id,phone\n${Array.from({ length: 400 }, (_, i) => `P${i},09${String(i).padStart(7, '0')}x`).join('\n')}\n`);
      const many = { now: NOW, workers: 2, minBytesPerWorker: 1 };
      await expect(validate(hashedPeople, readCsv(path), many)).rejects.toThrow(/piiKey/);
      const one = toJson(await validate(hashedPeople, readCsv(path), { now: NOW, piiKey: KEY }));
      expect(toJson(await validate(hashedPeople, readCsv(path), { ...many, piiKey: KEY }))).toBe(one);
      expect(one).toMatch(/"value": "#[0-9a-f]{16}"/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

