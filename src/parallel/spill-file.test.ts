import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSpillFile } from './spill-file.js';

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'ddss-spill-test-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const bytes = (text: string) => new TextEncoder().encode(text);

describe('createSpillFile', () => {
  it('reads back what was appended, in order, even while appends are in flight', async () => {
    const f = await createSpillFile(dir);
    const writes = [f.append([bytes('ab'), bytes('c')]), f.append([bytes('défg')])];
    expect(f.length).toBe(3 + 5);
    const into = new Uint8Array(16);
    const n = await f.read(into, 0); // waits for the appends queued before it
    expect(new TextDecoder().decode(into.subarray(0, n))).toBe('abcdéfg');
    expect(await f.read(into, 8)).toBe(0);
    await Promise.all(writes);
    await f.close();
    await f.close();
  });

  it('has no name on disk while open where the system allows it (POSIX), and none once closed anywhere', async () => {
    const f = await createSpillFile(dir);
    await f.append([bytes('x')]);
    if (process.platform !== 'win32') expect(readdirSync(dir)).toEqual([]);
    await f.close();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('fails naming what it is and where, keeping the system\'s code (a full or missing temporary directory)', async () => {
    const missing = join(dir, 'no-such-dir');
    const error = await createSpillFile(missing).then(() => undefined, (e: unknown) => e as NodeJS.ErrnoException);
    // Before: the bare "ENOENT: no such file or directory, mkdtemp …", which the command line took for a mistake in
    // the definition (exit 2).
    const expected = `ddss: cannot write a temporary file in ${missing} (where the violations and graded records of ` +
      `worker threads wait to be written in file order; set TMPDIR to use another directory): ENOENT: no such file or ` +
      `directory, mkdtemp '${join(missing, 'ddss-spill-')}`;
    expect(error?.message.slice(0, expected.length)).toBe(expected);
    expect(error?.code).toBe('ENOENT');
    expect(error?.syscall).toBe('mkdtemp');
  });
});
