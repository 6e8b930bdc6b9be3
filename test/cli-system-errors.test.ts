import { afterEach, describe, expect, it, vi } from 'vitest';
import * as engine from '../src/validate.js';
import { isSystemError } from '../src/cli/_errors.js';
import { cli, NOW } from './fixtures/cli/harness.js';

type Engine = typeof engine;

// The run itself is made to fail as the system fails it (a temporary directory that is full or missing, seen by the
// spill files of worker threads, which depends on timing in a real run); everything else runs as usual. A file of its
// own: the mock would otherwise reach the other command-line tests.
vi.mock('../src/validate.js', async (importOriginal) => {
  const real = await importOriginal<Engine>();
  return { ...real, validate: vi.fn(real.validate) };
});
afterEach(() => { vi.mocked(engine.validate).mockReset(); });

const systemError = (code: string, syscall: string, message: string): Error =>
  Object.assign(new Error(message), { code, syscall });

describe('ddss validate: a run the system could not complete', () => {
  it('is exit 3 with the error in one line, not "dataset … cannot be used" (exit 2)', async () => {
    const message = 'cannot write a temporary file in /tmp (where the violations and graded records of worker threads ' +
      'wait to be written in file order; set TMPDIR to use another directory): ENOSPC: no space left on device, write';
    vi.mocked(engine.validate).mockRejectedValueOnce(systemError('ENOSPC', 'write', `ddss: ${message}`));
    const r = await cli(['validate', 'parcels.csv', '--dataset', 'parcels.yaml', ...NOW]);
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(`ddss: ${message}\n`);
  });

  it('a mistake in the definition is still a usage error (exit 2)', async () => {
    vi.mocked(engine.validate).mockRejectedValueOnce(new Error('ddss: field "x" is declared twice'));
    const r = await cli(['validate', 'parcels.csv', '--dataset', 'parcels.yaml', ...NOW]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('ddss: dataset "parcels" cannot be used: field "x" is declared twice\n');
  });
});

describe('isSystemError', () => {
  it('is an error with a POSIX code and the call that failed, not an error of Node or of a definition', () => {
    expect(isSystemError(systemError('ENOSPC', 'write', 'no space'))).toBe(true);
    expect(isSystemError(systemError('ENOENT', 'mkdtemp', 'no such directory'))).toBe(true);
    expect(isSystemError(Object.assign(new Error('x'), { code: 'ENOENT' }))).toBe(false); // no syscall
    expect(isSystemError(Object.assign(new Error('x'), { code: 'ERR_MODULE_NOT_FOUND', syscall: 'open' }))).toBe(false);
    expect(isSystemError(new Error('plain'))).toBe(false);
    expect(isSystemError(undefined)).toBe(false);
    expect(isSystemError('ENOSPC')).toBe(false);
  });
});
