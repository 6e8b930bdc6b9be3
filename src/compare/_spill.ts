import { closeSync, mkdtempSync, openSync, readSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BUFFER = 64 * 1024;
const READ = 1 << 20;

/**
 * Hash-partitioned spill files for both sides of a comparison: records (one raw JSON line each) go to the partition
 * their key hash picks, so every record of a key, on either side, lands in the same partition, which is then compared
 * alone in memory. Writes are buffered per file and synchronous (memory stays bounded by the buffers). The files are
 * opened for reading and writing and their names removed at once where the system allows it (POSIX), so nothing is
 * left on disk however the process ends; elsewhere `remove` deletes them.
 */
export class Spill {
  readonly partitions: number;
  private readonly dir: string;
  private readonly fds: number[] = [];
  private readonly buffers: Buffer[] = [];
  private readonly fill: number[] = [];
  private readonly written: number[] = [];
  private named = true;

  constructor(partitions: number, tempDir: string | undefined) {
    this.partitions = partitions;
    this.dir = mkdtempSync(join(tempDir ?? tmpdir(), 'ddss-compare-'));
    for (let i = 0; i < 2 * partitions; i++) {
      this.fds.push(openSync(this.file(i), 'wx+'));
      this.buffers.push(Buffer.allocUnsafe(BUFFER));
      this.fill.push(0);
      this.written.push(0);
    }
    try {
      for (let i = 0; i < 2 * partitions; i++) unlinkSync(this.file(i));
      rmSync(this.dir, { recursive: true, force: true });
      this.named = false;
    } catch {
      // A system that cannot remove an open file's name: `remove` does it after closing.
    }
  }

  /** Appends one record line to its side's partition. */
  write(side: 0 | 1, keyHash: number, line: string | Uint8Array): void {
    const f = side * this.partitions + Math.floor((keyHash / 0x1_0000_0000) * this.partitions);
    // At most 3 bytes per UTF-16 unit: a line that may not fit the free space flushes first (no allocation per line).
    const most = typeof line === 'string' ? line.length * 3 + 1 : line.length + 1;
    if ((this.fill[f] as number) + most > BUFFER) {
      this.flush(f);
      if (most > BUFFER) {
        this.put(f, typeof line === 'string' ? Buffer.from(line, 'utf8') : line);
        this.put(f, NEWLINE);
        return;
      }
    }
    const buf = this.buffers[f] as Buffer;
    let at = this.fill[f] as number;
    if (typeof line === 'string') at += buf.write(line, at, 'utf8');
    else {
      buf.set(line, at);
      at += line.length;
    }
    buf[at] = 10;
    this.fill[f] = at + 1;
  }

  /** Flushes every file; call once, before reading. */
  close(): void {
    for (let f = 0; f < this.fds.length; f++) this.flush(f);
    this.buffers.length = 0;
  }

  /** Reads one side's partition back, a line at a time. */
  lines(side: 0 | 1, partition: number, visit: (line: string) => void): void {
    const fd = this.fds[side * this.partitions + partition] as number;
    const chunk = Buffer.allocUnsafe(READ);
    let rest: Buffer = Buffer.alloc(0);
    for (let at = 0; ;) {
      const n = readSync(fd, chunk, 0, READ, at);
      if (n === 0) break;
      at += n;
      const data = rest.length === 0 ? chunk.subarray(0, n) : Buffer.concat([rest, chunk.subarray(0, n)]);
      let start = 0;
      for (let nl = data.indexOf(10, start); nl >= 0; nl = data.indexOf(10, start)) {
        visit(data.toString('utf8', start, nl));
        start = nl + 1;
      }
      // A copy: `chunk` is overwritten by the next read.
      rest = Buffer.from(data.subarray(start));
    }
  }

  /** Closes and deletes the files. */
  remove(): void {
    for (const fd of this.fds.splice(0)) {
      try {
        closeSync(fd);
      } catch {
        // Already closed.
      }
    }
    if (this.named) rmSync(this.dir, { recursive: true, force: true });
  }

  private flush(f: number): void {
    const n = this.fill[f] as number;
    if (n > 0) this.put(f, (this.buffers[f] as Uint8Array).subarray(0, n));
    this.fill[f] = 0;
  }

  /** Appends bytes at the file's end (positioned writes: the same descriptor is read back at other positions). */
  private put(f: number, bytes: Uint8Array): void {
    let done = 0;
    while (done < bytes.length) {
      done += writeSync(this.fds[f] as number, bytes, done, bytes.length - done, (this.written[f] as number) + done);
    }
    this.written[f] = (this.written[f] as number) + bytes.length;
  }

  private file(f: number): string {
    return join(this.dir, `${f < this.partitions ? 's' : 'c'}${f % this.partitions}.ndjson`);
  }
}

const NEWLINE = new Uint8Array([10]);
