/**
 * Completes package-lock.json for platform-specific optional packages (rollup, DuckDB bindings) that the project's
 * npm registry mirror serves only for this platform: npm then leaves them out of the lock, and `npm ci` rejects a lock
 * without them. Each added entry carries the version and the os/cpu/libc its name states, so npm skips it on other
 * platforms without fetching it. Run after changing dependencies: `node scripts/lock-platforms.mjs package-lock.json`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { argv, exit, stderr, stdout } from 'node:process';
const file = argv[2];
const lock = JSON.parse(readFileSync(file, 'utf8'));
const pk = lock.packages;
const osOf = { darwin: 'darwin', linux: 'linux', win32: 'win32', android: 'android', freebsd: 'freebsd', openbsd: 'openbsd', openharmony: 'openharmony' };
let added = 0;
for (const entry of Object.values(pk)) {
  for (const [name, range] of Object.entries(entry.optionalDependencies ?? {})) {
    const where = `node_modules/${name}`;
    if (pk[where] !== undefined) continue;
    const parts = name.split('/').pop().split('-');
    const os = parts.find((p) => osOf[p]);
    const cpu = parts.find((p) => ['x64', 'arm64', 'arm', 'ia32', 'loong64', 'ppc64', 's390x', 'riscv64'].includes(p));
    if (os === undefined || cpu === undefined) {
      stderr.write(`cannot infer the platform of ${name}\n`);
      exit(1);
    }
    const libc = parts.includes('musl') ? ['musl'] : os === 'linux' && (parts.includes('gnu') || parts.includes('gnueabihf')) ? ['glibc'] : undefined;
    pk[where] = { version: range, cpu: [cpu], ...(libc ? { libc } : {}), ...(entry.dev ? { dev: true } : {}), optional: true, os: [os] };
    added++;
  }
}
writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
stdout.write(`added ${added} platform entries\n`);
