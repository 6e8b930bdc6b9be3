/**
 * Two snapshots of a register for `npm run bench:compare`, generated deterministically and streamed to disk: a source
 * of `rows` records (id, full_name, dob, gender, commune, amount) and a copy holding the same records in another order
 * (position i holds record (i·p) mod rows, p a prime not dividing rows) with 1% of records changed in one cell, 0.5%
 * dropped and 0.5% new ones. Returns the exact counts a comparison must find.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

export interface Expected { matched: number; changed: number; missing: number; extra: number }

const NAMES = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Hoàng Chi', 'Phạm Minh Dũng', 'Hoàng Thu Hà', 'Vũ Đức Long'];

function record(i: number): string[] {
  const d = 1 + (i % 28);
  const m = 1 + (Math.floor(i / 28) % 12);
  return [`P${String(i).padStart(9, '0')}`, `${NAMES[i % NAMES.length] as string} ${i % 997}`,
    `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${1950 + (i % 60)}`, i % 2 === 0 ? 'Nam' : 'Nữ',
    String(10000 + (i % 10000)).padStart(5, '0'), String((i * 7919) % 100000)];
}

async function write(path: string, lines: Iterable<string>): Promise<void> {
  const out = createWriteStream(path);
  let chunk = '';
  for (const line of lines) {
    chunk += line;
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}

const HEADER = 'id,full_name,dob,gender,commune,amount\n';

/** Writes both files and returns what a comparison must count. */
export async function generatePair(rows: number, sourcePath: string, copyPath: string): Promise<Expected> {
  await write(sourcePath, (function* () {
    yield HEADER;
    for (let i = 0; i < rows; i++) yield `${record(i).join(',')}\n`;
  })());
  const prime = [1_000_003, 999_983, 7919].find((q) => rows % q !== 0) as number;
  const expected: Expected = { matched: 0, changed: 0, missing: 0, extra: 0 };
  await write(copyPath, (function* () {
    yield HEADER;
    for (let k = 0; k < rows; k++) {
      const i = (k * prime) % rows;
      if (i % 200 === 7) { expected.missing++; continue; }
      const r = record(i);
      if (i % 100 === 3) { r[5] = String(Number(r[5]) + 1); expected.changed++; } else expected.matched++;
      yield `${r.join(',')}\n`;
      if (i % 200 === 11) { expected.extra++; yield `${record(rows + i).join(',')}\n`; }
    }
  })());
  return expected;
}
