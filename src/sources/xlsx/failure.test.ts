import { describe, expect, it } from 'vitest';
import { failure } from './failure.js';

describe('failure', () => {
  it('gives each step its own outcome while nothing fails', async () => {
    const f = failure();
    expect(await f.race(Promise.resolve(1))).toBe(1);
    await expect(f.race(Promise.reject(new Error('step')))).rejects.toThrow('step');
  });

  it('fails the step waiting when it fails, and every step raced after, with the first failure', async () => {
    const f = failure();
    const waiting = f.race(new Promise(() => undefined));
    f.fail(new Error('input'));
    f.fail(new Error('zip'));
    await expect(waiting).rejects.toThrow('input');
    await expect(f.race(Promise.resolve(2))).rejects.toThrow('input');
  });
});
