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
});
