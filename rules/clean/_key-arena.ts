/**
 * How the key table stores an entry in a shard's byte arena: the text, then the record key. Each is a varint meta
 * (`length << 1 | wide`) followed by its UTF-16 code units, one byte each when every unit is below 256 (identifiers
 * almost always are), else two, little-endian. The key's meta is biased by 2: 0 = no key, 1 = the key is the text.
 * The encoding is canonical, so equal texts have equal bytes and entries compare without decoding.
 */

import { decimalScale, finalise, finishHash, joinedLength, lastTextWide, type KeyParts } from './_key-hash.js';

/**
 * Arena bytes an entry of `text` (of known width: `wide` when a unit is above 0xff) and record `key` takes at most:
 * exact for the text, the key counted two bytes per unit. Why a bound: measuring the key exactly is a pass over it.
 */
export function entryBound(text: string | KeyParts, wide: boolean, key: string | undefined): number {
  const n = typeof text === 'string' ? text.length : joinedLength(text);
  const t = varintSize((n << 1) | (wide ? 1 : 0)) + (wide ? n * 2 : n);
  return t + (key === undefined || key === text ? 1 : varintSize((key.length << 1) + 3) + key.length * 2);
}

/**
 * Writes an entry at `at` (room reserved by the caller: at least {@link entryBound}); returns where it ends. `wide`:
 * whether the text has a unit above 0xff (its hash pass found out). One pass over the text and one over the key
 * (identifiers, nearly all one byte per unit).
 */
export function writeEntry(arena: Uint8Array, at: number, text: string | KeyParts, key: string | undefined,
  wide: boolean): number {
  const p = typeof text === 'string' ? writeKnown(arena, at, text, wide, 0) : writeParts(arena, at, text, wide);
  return writeEntryKey(arena, p, text, key);
}

/**
 * Writes a text entry's text at `at` (room reserved for the wide form: {@link entryBound} with `wide` true) and
 * hashes it (`hashText`, read back with {@link lastTextHash}) in the same pass; returns where the text ends (the
 * key follows: {@link writeEntryKey}). Units are stored one byte each as they are hashed — the meta's size does not
 * depend on the width (`n << 1` and `n << 1 | 1` are never on two sides of a power of 128) — and the text is written
 * again two bytes a unit only when one is above 0xff, which identifiers, codes and dates never are: the separate hash
 * pass this spares was ~15 % of logging a sighting.
 */
export function writeTextHashed(arena: Uint8Array, at: number, s: string, seed: number): number {
  const n = s.length;
  let q = at + varintSize(n << 1);
  let h = seed ^ n;
  let or = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    or |= c;
    h = Math.imul(h ^ c, 0x01000193);
    arena[q++] = c; // its low byte; rewritten below when wide
  }
  lastHash = finishHash(h, or);
  if (lastTextWide()) return writeKnown(arena, at, s, true, 0);
  writeVarint(arena, at, n << 1);
  return q;
}

let lastHash = 0;

/** The hash {@link writeTextHashed} last computed. */
export function lastTextHash(): number {
  return lastHash;
}

/** Writes an entry's record `key` after its text (which ends at `p`); returns where the entry ends. */
export function writeEntryKey(arena: Uint8Array, p: number, text: string | KeyParts, key: string | undefined): number {
  if (key === undefined) return writeVarint(arena, p, 0);
  if (key === text) return writeVarint(arena, p, 1);
  return writeKey(arena, p, key);
}

/** The text's meta (+ `bias`) and its units, one or two bytes each as `wide` says. */
function writeKnown(arena: Uint8Array, p: number, s: string, wide: boolean, bias: number): number {
  let q = writeVarint(arena, p, ((s.length << 1) | (wide ? 1 : 0)) + bias);
  if (wide) {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      arena[q++] = c & 0xff;
      arena[q++] = c >>> 8;
    }
  } else {
    for (let i = 0; i < s.length; i++) arena[q++] = s.charCodeAt(i);
  }
  return q;
}

/** A composite key's text (`joinParts`) as {@link writeKnown} writes text, straight from its parts. */
function writeParts(arena: Uint8Array, p: number, parts: KeyParts, wide: boolean): number {
  let q = writeVarint(arena, p, (joinedLength(parts) << 1) | (wide ? 1 : 0));
  const step = wide ? 2 : 1; // digits and ':' are one unit each; wide, its high byte is 0
  for (const part of parts) {
    const n = part.length;
    if (n < 10) {
      arena[q] = 48 + n;
      if (wide) arena[q + 1] = 0;
      q += step;
    } else {
      for (let d = decimalScale(n); d >= 1; d = Math.floor(d / 10)) {
        arena[q] = 48 + (Math.floor(n / d) % 10);
        if (wide) arena[q + 1] = 0;
        q += step;
      }
    }
    arena[q] = 58; // ':'
    if (wide) arena[q + 1] = 0;
    q += step;
    if (wide) {
      for (let i = 0; i < n; i++) {
        const c = part.charCodeAt(i);
        arena[q++] = c & 0xff;
        arena[q++] = c >>> 8;
      }
    } else {
      for (let i = 0; i < n; i++) arena[q++] = part.charCodeAt(i);
    }
  }
  return q;
}

/**
 * A record key (meta biased by 2), written as one byte per unit in the same pass that finds out whether it can be:
 * the units go after room for the meta, which is written in front once the width is known. A wide key (or a meta
 * whose size depends on the width, at a varint boundary) is written again, two bytes per unit.
 */
function writeKey(arena: Uint8Array, p: number, key: string): number {
  const narrow = (key.length << 1) + 2;
  const room = varintSize(narrow);
  if (room === varintSize(narrow + 1)) {
    let q = p + room;
    let or = 0;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      or |= c;
      arena[q++] = c;
    }
    if (or <= 0xff) {
      writeVarint(arena, p, narrow);
      return q;
    }
  }
  return writeKnown(arena, p, key, isWide(key), 2);
}

/** The text and record key of the entry at `at`. */
export function readEntry(arena: Uint8Array, at: number): { text: string; key: string | undefined } {
  const meta = readVarint(arena, at);
  const text = readText(arena, at + varintSize(meta), meta);
  return { text, key: readKey(arena, at, text) };
}

/** The record key of the entry at `at`, whose text (`text`) is known: the text is not decoded again. */
export function readKey(arena: Uint8Array, at: number, text: string): string | undefined {
  const meta = readVarint(arena, at);
  const keyAt = at + varintSize(meta) + textBytes(meta);
  const keyMeta = readVarint(arena, keyAt);
  return keyMeta === 0 ? undefined : keyMeta === 1 ? text : readText(arena, keyAt + varintSize(keyMeta), keyMeta - 2);
}

/** Whether a code unit of `s` is above 0xff (the arena stores it two bytes a unit). */
export function isWide(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0xff) return true;
  return false;
}

function textBytes(meta: number): number {
  return (meta & 1) === 1 ? (meta >>> 1) * 2 : meta >>> 1;
}

function readText(arena: Uint8Array, p: number, meta: number): string {
  const n = meta >>> 1;
  const wide = (meta & 1) === 1;
  let out = '';
  const codes: number[] = [];
  for (let i = 0; i < n; i++) {
    codes.push(wide ? (arena[p + 2 * i] as number) | ((arena[p + 2 * i + 1] as number) << 8) : arena[p + i] as number);
    if (codes.length === 4096) {
      out += String.fromCharCode(...codes);
      codes.length = 0;
    }
  }
  return out + String.fromCharCode(...codes);
}

export function textEquals(arena: Uint8Array, at: number, s: string): boolean {
  const meta = readVarint(arena, at);
  if (meta >>> 1 !== s.length) return false;
  const p = at + varintSize(meta);
  if ((meta & 1) === 1) {
    for (let i = 0; i < s.length; i++) {
      if (((arena[p + 2 * i] as number) | ((arena[p + 2 * i + 1] as number) << 8)) !== s.charCodeAt(i)) return false;
    }
    return true;
  }
  for (let i = 0; i < s.length; i++) if (arena[p + i] !== s.charCodeAt(i)) return false;
  return true;
}

/** Text encoding is canonical (one-byte iff every unit fits), so equal texts have equal bytes. */
export function entriesEqual(a: Uint8Array, at: number, b: Uint8Array, bt: number): boolean {
  const meta = readVarint(a, at);
  const n = varintSize(meta) + textBytes(meta);
  for (let i = 0; i < n; i++) if (a[at + i] !== b[bt + i]) return false;
  return true;
}

/** `hashText` (./_key-hash.ts) of an entry's text, read from the arena. */
export function hashEntry(arena: Uint8Array, at: number, seed: number): number {
  const meta = readVarint(arena, at);
  const n = meta >>> 1;
  const p = at + varintSize(meta);
  let h = seed ^ n;
  if ((meta & 1) === 1) {
    for (let i = 0; i < n; i++) h = Math.imul(h ^ ((arena[p + 2 * i] as number) | ((arena[p + 2 * i + 1] as number) << 8)), 0x01000193);
  } else {
    for (let i = 0; i < n; i++) h = Math.imul(h ^ (arena[p + i] as number), 0x01000193);
  }
  return finalise(h);
}

/** Bytes of a whole entry: text meta + text + key meta (+ key). */
export function entryBytes(arena: Uint8Array, at: number): number {
  const meta = readVarint(arena, at);
  const keyAt = at + varintSize(meta) + textBytes(meta);
  const keyMeta = readVarint(arena, keyAt);
  return keyAt - at + varintSize(keyMeta) + (keyMeta < 2 ? 0 : textBytes(keyMeta - 2));
}

/** LEB128: short texts (nearly all) take one meta byte. */
function writeVarint(arena: Uint8Array, p: number, v: number): number {
  if (v < 0x80) { // nearly always: texts shorter than 64 units
    arena[p] = v;
    return p + 1;
  }
  let q = p;
  let x = v;
  while (x >= 0x80) {
    arena[q++] = (x & 0x7f) | 0x80;
    x = Math.floor(x / 128);
  }
  arena[q++] = x;
  return q;
}

function readVarint(arena: Uint8Array, p: number): number {
  let b = arena[p] as number;
  if (b < 0x80) return b;
  let v = b & 0x7f;
  let scale = 128;
  for (let q = p + 1; ; q++) {
    b = arena[q] as number;
    v += (b & 0x7f) * scale;
    if (b < 0x80) return v;
    scale *= 128;
  }
}

function varintSize(v: number): number {
  if (v < 0x80) return 1;
  let n = 1;
  for (let x = v; x >= 0x80; x = Math.floor(x / 128)) n++;
  return n;
}

/**
 * Where the entry at `at` ends, or -1 when it does not lie whole below `limit` (for an arena that came from outside:
 * a shard's state file). Reads at most a few bytes past `at` beyond the entry's own.
 */
export function entryEnd(arena: Uint8Array, at: number, limit: number): number {
  const meta = boundedVarint(arena, at, limit);
  if (meta < 0) return -1;
  const keyAt = at + varintSize(meta) + textBytes(meta);
  const keyMeta = boundedVarint(arena, keyAt, limit);
  if (keyMeta < 0) return -1;
  const end = keyAt + varintSize(keyMeta) + (keyMeta < 2 ? 0 : textBytes(keyMeta - 2));
  return end <= limit ? end : -1;
}

/** A varint of at most 5 bytes (below 2^32) read below `limit`, or -1. */
function boundedVarint(arena: Uint8Array, p: number, limit: number): number {
  let v = 0;
  let scale = 1;
  for (let q = p; q < limit && q < p + 5; q++) {
    const b = arena[q] as number;
    v += (b & 0x7f) * scale;
    if (b < 0x80) return v < 2 ** 32 ? v : -1;
    scale *= 128;
  }
  return -1;
}
