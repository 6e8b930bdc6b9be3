import { describe, expect, it } from 'vitest';
import { compare } from './compare.js';
import { MissingColumnError } from './missing-column-error.js';
import type { CompareOptions } from './types.js';

const SOURCE = [{ id: '1', name: 'An' }];
const COPY = [{ ID: '1', name: 'An' }];

describe('MissingColumnError', () => {
  it.each([
    ['a key the copy names otherwise', SOURCE, COPY, { key: 'id' },
      'ddss: key column "id" is not in the copy (its columns: ID, name)', { column: 'id', role: 'key', side: 'copy' }],
    ['a key neither side has: the source is named first', SOURCE, COPY, { key: 'nope' },
      'ddss: key column "nope" is not in the source (its columns: id, name)', { column: 'nope', role: 'key', side: 'source' }],
    ['a compared column the source lacks', COPY, COPY, { key: 'ID', columns: ['Name'] },
      'ddss: compared column "Name" is not in the source (its columns: ID, name)', { column: 'Name', role: 'compared', side: 'source' }],
    // Accepted, a misspelt personal column masked nothing: the column meant was shown in the clear.
    ['a pii column neither side has', SOURCE, SOURCE, { key: 'id', pii: ['nmae'] },
      'ddss: pii column "nmae" is not in the source (its columns: id, name)', { column: 'nmae', role: 'pii', side: 'source' }],
  ])('%s: the message as before, a TypeError, and its parts as data', async (_name, source, copy, options, message, parts) => {
    const e: unknown = await compare(source, copy, options as CompareOptions).then(() => undefined, (x: unknown) => x);
    expect(e).toBeInstanceOf(TypeError);
    expect(e).toBeInstanceOf(MissingColumnError);
    expect((e as Error).message).toBe(message);
    expect((e as MissingColumnError).missing).toEqual({ ...parts, columns: { source: Object.keys(source[0] ?? {}), copy: Object.keys(copy[0] ?? {}) } });
  });

  it('is not thrown for a pii column one side has only (it is shown there)', async () => {
    const r = await compare([{ id: '1', a: 'x', owner: 'An' }], [{ id: '1', a: 'x' }], { key: 'id', pii: ['owner'] });
    expect(r.columnsOnlyIn.source).toEqual(['owner']);
  });

  it('is not what other mistakes in the options reject with', async () => {
    const e: unknown = await compare(SOURCE, SOURCE, { key: 'id', columns: ['id'] }).then(() => undefined, (x: unknown) => x);
    expect(e).toBeInstanceOf(TypeError);
    expect(e).not.toBeInstanceOf(MissingColumnError);
  });
});
