import { MessageChannel } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { transferables } from './transferables.js';

describe('transferables', () => {
  it('finds whole-buffer typed arrays at any depth, once each, in arrays, maps and objects', () => {
    const a = new Uint32Array(4);
    const b = new Float64Array(2);
    const c = new Uint8Array(3);
    const found = transferables({ x: [a, { y: b }], m: new Map([['k', { c }]]), again: a, n: 1, s: 'text' });
    expect(found.sort((p, q) => p.byteLength - q.byteLength)).toEqual([c.buffer, b.buffer, a.buffer]);
  });

  it('leaves views into a larger or shared buffer to be copied', () => {
    const pool = new ArrayBuffer(64);
    const slice = new Uint8Array(pool, 8, 8);
    const small = Buffer.from('abc'); // from Node's shared pool
    expect(transferables({ slice, small, shared: new Uint8Array(new SharedArrayBuffer(8)) })).toEqual([]);
  });

  it('moves the buffers: the receiver gets the data, the sender keeps detached views', () => {
    const state = { table: new Uint32Array([1, 2, 3]) };
    const { port1, port2 } = new MessageChannel();
    const received = new Promise<typeof state>((resolve) => port2.once('message', (got: typeof state) => resolve(got)));
    port1.postMessage(state, transferables(state));
    expect(state.table.length).toBe(0);
    return received.then((got) => {
      expect([...got.table]).toEqual([1, 2, 3]);
      port1.close();
      port2.close();
    });
  });
});
