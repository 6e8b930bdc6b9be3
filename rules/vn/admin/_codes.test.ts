import { describe, expect, it } from 'vitest';
import { PROVINCES_2008, PROVINCES_2025, provinceTables } from '../tables/provinces.js';
import { standing } from './_codes.js';

describe('standing', () => {
  it('answers every code alike however the run dates alternate (its memo follows the table in force)', () => {
    const codes = [...new Set([...PROVINCES_2008.entries, ...PROVINCES_2025.entries].map((p) => p.code)), '99', 'x'];
    const dates = ['2025-07-01', '2020-01-01', '2025-07-01', '2008-01-01', '2030-05-05'].map((d) => new Date(d));
    for (const date of dates) {
      for (const code of codes) {
        const inOld = PROVINCES_2008.entries.some((p) => p.code === code);
        const inNew = PROVINCES_2025.entries.some((p) => p.code === code);
        const now = date < new Date('2008-08-01') ? undefined : date < new Date('2025-07-01') ? PROVINCES_2008 : PROVINCES_2025;
        // Before every table, a code is "retired" from the latest table that has it (none is in force).
        const expected = now === undefined
          ? inNew ? { retired: PROVINCES_2025 } : inOld ? { retired: PROVINCES_2008 } : {}
          : (now === PROVINCES_2025 ? inNew : inOld) ? { current: now, now }
            : now === PROVINCES_2025 && inOld ? { now, retired: PROVINCES_2008 } : { now };
        expect(standing(provinceTables, code, date)).toEqual(expected);
      }
    }
  });
});
