import * as zlib from 'node:zlib';

let table: Uint32Array | undefined;

/**
 * The CRC-32 (the zip format's checksum) of `data`, continuing from the CRC-32 `value` of the bytes before it. Uses
 * zlib's (Node 20.15 and later), else the same sum computed here, so that older Node checks workbooks too.
 * @example crc32(new TextEncoder().encode('123456789')) // 0xcbf43926
 */
export function crc32(data: Uint8Array, value = 0): number {
  const native = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;
  return typeof native === 'function' ? native(data, value) : crc32Here(data, value);
}

/**
 * `crc32` without zlib: the reflected polynomial 0xEDB88320, a byte at a time.
 * @example crc32Here(new TextEncoder().encode('123456789')) // 0xcbf43926
 */
export function crc32Here(data: Uint8Array, value = 0): number {
  const t = table ?? (table = makeTable());
  let c = ~value >>> 0;
  for (const byte of data) c = (t[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
  return ~c >>> 0;
}

function makeTable(): Uint32Array {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
}
