import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const BUFFER = 64 * 1024;
const READ = 1 << 20;

/**
 * Hash-partitioned spill files for both sides of a comparison: records (one raw JSON line each) go to the partition
 * their key hash picks, so every record of a key, on either side, lands in the same partition, which is then compared
 * alone in memory. Writes are buffered per file and synchronous (memory stays bounded by the buffers); the directory
 * is removed by `remove`.
 */
export class Spill {
  readonly partitions: number;
  private readonly dir: string;
  private readonly fds: number[] = [];
  private readonly buffers: Uint8Array[] = [];
  private readonly fill: number[] = [];

  constructor(partitions: number, tempDir: string | undefined) {
    this.partitions = partitions;
    this.dir = mkdtempSync(join(tempDir ?? tmpdir(), 'ddss-compare-'));
    for (let i = 0; i < 2 * partitions; i++) {
      this.fds.push(openSync(this.file(i), 'wx'));
      this.buffers.push(new Uint8Array(BUFFER));
      this.fill.push(0);
    }
  }

  /** Appends one record line to its side's partition. */
  write(side: 0 | 1, keyHash: number, line: string | Uint8Array): void {
    const f = side * this.partitions + Math.floor((keyHash / 0x1_0000_0000) * this.partitions);
    const bytes = typeof line === 'string' ? encoder.encode(line) : line;
    let buf = this.buffers[f] as Uint8Array;
    if ((this.fill[f] as number) + bytes.length + 1 > buf.length) {
      this.flush(f);
      if (bytes.length + 1 > buf.length) {
        writeSync(this.fds[f] as number, bytes);
        writeSync(this.fds[f] as number, NEWLINE);
        return;
      }
      buf = this.buffers[f] as Uint8Array;
    }
    buf.set(bytes, this.fill[f]);
    buf[(this.fill[f] as number) + bytes.length] = 10;
    this.fill[f] = (this.fill[f] as number) + bytes.length + 1;
  }

  /** Flushes and closes every file; call once, before reading. */
  close(): void {
    for (let f = 0; f < this.fds.length; f++) {
      this.flush(f);
      closeSync(this.fds[f] as number);
    }
    this.buffers.length = 0;
  }

  /** Reads one side's partition back, a line at a time. */
  lines(side: 0 | 1, partition: number, visit: (line: string) => void): void {
    const fd = openSync(this.file(side * this.partitions + partition), 'r');
    try {
      const chunk = Buffer.allocUnsafe(READ);
      let rest: Buffer = Buffer.alloc(0);
      for (;;) {
        const n = readSync(fd, chunk, 0, READ, null);
        if (n === 0) break;
        const data = rest.length === 0 ? chunk.subarray(0, n) : Buffer.concat([rest, chunk.subarray(0, n)]);
        let start = 0;
        for (let nl = data.indexOf(10, start); nl >= 0; nl = data.indexOf(10, start)) {
          visit(decoder.decode(data.subarray(start, nl)));
          start = nl + 1;
        }
        rest = Buffer.from(data.subarray(start));
      }
    } finally {
      closeSync(fd);
    }
  }

  /** Deletes the files. */
  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }

  private flush(f: number): void {
    const n = this.fill[f] as number;
    if (n > 0) writeSync(this.fds[f] as number, (this.buffers[f] as Uint8Array).subarray(0, n));
    this.fill[f] = 0;
  }

  private file(f: number): string {
    return join(this.dir, `${f < this.partitions ? 's' : 'c'}${f % this.partitions}.ndjson`);
  }
}

const NEWLINE = new Uint8Array([10]);
