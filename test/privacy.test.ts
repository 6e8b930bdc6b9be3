import { describe, expect, it } from 'vitest';
import { defineDataset, field, rule, toJson } from '../src/index.js';
import type { Violation } from '../src/index.js';
import { run } from './_run.js';

// Sentinel personal data: none of it may appear in any output unless showValues is set.
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
    const report = await run(def, rows, { onViolation: (v) => streamed.push(v) });
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
    const report = await run(def, rows, { piiKey: 'secret' });
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
