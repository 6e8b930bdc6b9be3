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
