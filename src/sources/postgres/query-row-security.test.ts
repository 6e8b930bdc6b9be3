import { describe, expect, it } from 'vitest';
import type { PgClient } from './pg.js';
import { queryRowSecurity, scannedRelations } from './query-row-security.js';

const seq = (schema: string, name: string, more: object = {}) => ({ 'Node Type': 'Seq Scan', 'Relation Name': name, Schema: schema, Alias: name, ...more });

describe('scannedRelations', () => {
  it.each([
    ['a plain scan', [{ Plan: seq('public', 'parcels') }], ['public.parcels']],
    ['a CTE (an InitPlan), a SubPlan and partitions under an Append, each once', [{ Plan: { 'Node Type': 'Result', Plans: [
      seq('ledger', 'entries', { 'Parent Relationship': 'InitPlan', 'Subplan Name': 'CTE x' }),
      seq('pg_temp', 'scratch', { 'Parent Relationship': 'SubPlan', 'Subplan Name': 'SubPlan 2' }),
      { 'Node Type': 'Hash Join', Plans: [{ 'Node Type': 'CTE Scan', 'CTE Name': 'x', Alias: 'x' },
        { 'Node Type': 'Append', Plans: [seq('public', 'parted_a'), seq('public', 'parted_bc'), seq('ledger', 'entries')] }] },
    ] } }], ['ledger.entries', 'pg_temp.scratch', 'public.parted_a', 'public.parted_bc']],
    ['a name that needs quoting is kept as the catalog has it', [{ Plan: seq('Sổ', 'a.b "c"') }], ['Sổ.a.b "c"']],
    ['no relation (SELECT 1, a function scan)', [{ Plan: { 'Node Type': 'Function Scan', 'Function Name': 'f', Schema: 'public' } }], []],
    ['not a plan', 'QUERY PLAN', []],
  ] as const)('%s', (_what, plan, names) => {
    expect(scannedRelations(plan).map((r) => `${r.schema}.${r.name}`)).toEqual(names);
  });
});

/** A client that answers EXPLAIN with one scan (or refuses it) and records the statements it was sent. */
function fakeClient(status: string | null | undefined, o: { explainFails?: boolean; savepointFails?: boolean } = {}) {
  const sent: string[] = [];
  const client = {
    escapeIdentifier: (n: string) => `"${n}"`,
    ...(status === undefined ? {} : { getTransactionStatus: () => status }),
    query: async (c: { text: string; values?: readonly unknown[] }) => {
      const word = c.text.startsWith('EXPLAIN') ? 'EXPLAIN' : c.text.includes('row_security_active') ? 'CATALOG' : c.text;
      sent.push(word);
      if (word === 'EXPLAIN' && o.explainFails === true) throw new Error('syntax error at or near "SHOW"');
      if (word.startsWith('SAVEPOINT') && o.savepointFails === true) throw new Error('SAVEPOINT can only be used in transaction blocks');
      if (word === 'EXPLAIN') return { rows: [[JSON.stringify([{ Plan: seq('public', 'parcels') }])]], fields: [] };
      if (word === 'CATALOG') return { rows: [{ schema: 'public', table: 'parcels' }], fields: [] };
      return { rows: [], fields: [] };
    },
  } as unknown as PgClient;
  return { client, sent };
}

describe('queryRowSecurity: a failed EXPLAIN never aborts the transaction the read is in', () => {
  const savepoint = 'SAVEPOINT ddss_explain';
  const rollback = 'ROLLBACK TO SAVEPOINT ddss_explain';
  const release = 'RELEASE SAVEPOINT ddss_explain';
  it.each([
    ['idle (pg tells)', 'I', undefined, {}, ['EXPLAIN', 'CATALOG'], 1],
    ['idle, EXPLAIN refused', 'I', undefined, { explainFails: true }, ['EXPLAIN'], 0],
    ['in a transaction (pg tells)', 'T', undefined, {}, [savepoint, 'EXPLAIN', release, 'CATALOG'], 1],
    ['in a transaction, EXPLAIN refused: rolled back to the savepoint', 'T', undefined, { explainFails: true }, [savepoint, 'EXPLAIN', rollback, release], 0],
    ['in a failed transaction: nothing sent, the read says why', 'E', undefined, {}, [], 0],
    ['ddss\'s own connection outside a snapshot, older pg', undefined, false, {}, ['EXPLAIN', 'CATALOG'], 1],
    ['ddss\'s own connection in a snapshot, older pg', undefined, true, { explainFails: true }, [savepoint, 'EXPLAIN', rollback, release], 0],
    ['a caller\'s client, older pg, in a transaction', undefined, undefined, {}, [savepoint, 'EXPLAIN', release, 'CATALOG'], 1],
    ['a caller\'s client, older pg, outside one (SAVEPOINT refused)', undefined, undefined, { savepointFails: true, explainFails: true },
      [savepoint, 'EXPLAIN'], 0],
  ] as const)('%s', async (_what, status, inTransaction, o, statements, warnings) => {
    const { client, sent } = fakeClient(status, o);
    const hidden = await queryRowSecurity(client, 'SELECT * FROM parcels', [], inTransaction);
    expect([sent, hidden.length]).toEqual([statements, warnings]);
    if (warnings > 0) expect(hidden).toEqual([{ table: 'public.parcels' }]);
  });
});
