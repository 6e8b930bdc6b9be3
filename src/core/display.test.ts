import { describe, expect, it } from 'vitest';
import { display } from './display.js';

describe('display', () => {
  it('shows bytes (a PostgreSQL bytea) as PostgreSQL does, \\x and hex, not as JSON of a Buffer', () => {
    expect(display(Buffer.from([0xde, 0xad, 0x00, 0x01]))).toBe('\\xdead0001');
    expect(display(new Uint8Array([1, 2, 3]).subarray(1))).toBe('\\x0203');
  });

  it('cuts long bytes as it cuts long text', () => {
    const text = display(Buffer.alloc(10_000, 0xab)) as string;
    expect(text).toBe(`\\x${'ab'.repeat(99)}…`);
  });
});
