import { describe, expect, it } from 'vitest';
import { defineDataset, field, rule } from '../index.js';
import { toHtml } from './html.js';
import { run } from '../../test/_run.js';

describe('toHtml field column', () => {
  it('labels table-level rules as the table and shows a dash for cross-field row rules', async () => {
    const def = defineDataset({
      name: 'd', fields: { a: field.text(), b: field.text() },
      rules: [rule.rowCount({ min: 1 }), rule.record('a_with_b', (r) => r.a !== r.b, { fields: ['a', 'b'] })],
    });
    const html = toHtml(await run(def, [{ a: 'x', b: 'y' }]), { locale: 'en' });
    const rowOf = (id: string) => html.split('<tr').find((tr) => tr.includes(`>${id}<`)) ?? '';
    expect(rowOf('rowCount')).toContain('— table');
    expect(rowOf('a_with_b')).not.toContain('— table');
    expect(rowOf('a_with_b')).toContain('<span class="muted">—</span>');
  });
});
