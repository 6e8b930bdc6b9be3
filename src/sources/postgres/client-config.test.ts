import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { clientConfig } from './client-config.js';
import { readPostgres } from './read-postgres.js';

// A host that accepts the connection and never answers left `ddss validate postgresql://…` waiting until killed.
describe('the connection timeout of ddss\'s own connections', () => {
  it('is 30 s unless the URL says otherwise (connect_timeout, in seconds, as libpq reads it)', () => {
    expect(clientConfig('postgresql://ana@db/land', undefined).connectionTimeoutMillis).toBe(30_000);
    expect(clientConfig('postgresql://ana@db/land?connect_timeout=3', 'pw').connectionTimeoutMillis).toBe(3_000);
    expect(clientConfig('host=db dbname=land connect_timeout=5', undefined).connectionTimeoutMillis).toBe(5_000);
  });

  it('ends a read from a server that never answers, with a message', async () => {
    const sockets: Array<{ destroy(): void }> = [];
    const server = createServer((s) => { sockets.push(s); });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    try {
      const started = Date.now();
      const read = async () => { for await (const row of readPostgres({ connectionString: `postgresql://ana@127.0.0.1:${port}/land?connect_timeout=1`, table: 't' })) void row; };
      await expect(read()).rejects.toThrow(/timeout|timed out/i);
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
