import { appendFileSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileChunks } from './file-chunks.js';

const dir = mkdtempSync(join(tmpdir(), 'ddss-chunks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, bytes: number): string => {
  const path = join(dir, name);
  writeFileSync(path, 'x'.repeat(bytes));
  return path;
};

async function drain(chunks: AsyncGenerator<Uint8Array>): Promise<number> {
  let n = 0;
  for await (const c of chunks) n += c.length;
  return n;
}

describe('fileChunks', () => {
  it('reads a file in chunks of at most the given size', async () => {
    const sizes: number[] = [];
    for await (const c of fileChunks(file('plain', 2500), 1024)) sizes.push(c.length);
    expect(sizes).toEqual([1024, 1024, 452]);
  });

  it('cuts its pieces from larger reads in order, and lets the event loop run between them', async () => {
    const path = join(dir, 'bytes');
    const bytes = Uint8Array.from({ length: 600 * 1024 }, (_, i) => (i * 31) & 0xff);
    writeFileSync(path, bytes);
    const got: Uint8Array[] = [];
    // A callback queued for the next turn of the event loop at the first piece (as a worker's message or an interrupt
    // arrives) runs before the third piece, not only after the four pieces of the first 256 KiB read.
    let turned = -1;
    for await (const c of fileChunks(path, 64 * 1024)) {
      if (got.length === 0) setImmediate(() => { turned = got.length; });
      got.push(c.slice());
    }
    expect(got.map((c) => c.length)).toEqual([...Array.from({ length: 9 }, () => 65536), 600 * 1024 - 9 * 65536]);
    expect(Buffer.concat(got).equals(Buffer.from(bytes))).toBe(true);
    expect(turned).toBeGreaterThanOrEqual(1);
    expect(turned).toBeLessThan(3);
  });

  it.each([
    ['truncated', (path: string) => truncateSync(path, 10), '3072 bytes at the start, 10 at the end'],
    ['appended to', (path: string) => appendFileSync(path, 'y'.repeat(100)), '3072 bytes at the start, 3172 at the end'],
    ['emptied', (path: string) => truncateSync(path, 0), '3072 bytes at the start, 0 at the end'],
  ])('fails at the end when the file was %s while it was read', async (name, change, sizes) => {
    const path = file(name, 3072);
    const chunks = fileChunks(path, 1024);
    await chunks.next();
    change(path);
    await expect(drain(chunks)).rejects.toThrow(`the file changed while it was read (${sizes})`);
  });

  it('closes the file when the reader stops early', async () => {
    const chunks = fileChunks(file('early', 4096), 1024);
    await chunks.next();
    await chunks.return(undefined);
    await expect(chunks.next()).resolves.toEqual({ done: true, value: undefined });
  });

  it('reads a device that has no size until it ends', async () => {
    expect(await drain(fileChunks('/dev/null'))).toBe(0);
  });
});
