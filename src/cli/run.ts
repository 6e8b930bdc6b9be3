import { compare } from './compare.js';
import { datasets } from './datasets.js';
import { profile } from './profile.js';
import { fix } from './fix.js';
import { refdata } from './refdata.js';
import { validate } from './validate.js';
import { worklist } from './worklist.js';
import { history } from './history.js';
import { merge } from './merge.js';
import { CliError, EXIT } from './_errors.js';
import type { CliIo } from './_io.js';
import { version } from '../core/version.js';
import { MAIN_HELP } from './help.js';

type Command = (argv: readonly string[], io: CliIo) => Promise<number>;

const COMMANDS: ReadonlyMap<string, Command> = new Map<string, Command>([
  ['validate', validate],
  ['datasets', datasets],
  ['refdata', refdata],
  ['compare', compare],
  ['worklist', worklist],
  ['history', history],
  ['profile', profile],
  ['fix', fix],
  ['merge', merge],
]);

/**
 * Runs the `ddss` command line with injected streams and returns the exit code (DESIGN §7): 0 passed or warned,
 * 1 failed, 2 usage error, 3 could not evaluate. User errors are one line on stderr, never a stack trace.
 * @example const code = await run(['validate', 'parcels.csv', '--dataset', 'land-parcels'], processIo());
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  try {
    if (name === undefined || name === '--help' || name === '-h') {
      io.stdout.write(MAIN_HELP);
      return EXIT.ok;
    }
    if (name === '--version' || name === '-v' || name === '-V') {
      io.stdout.write(`${version()}\n`);
      return EXIT.ok;
    }
    if (name === 'help') return await _command(rest[0] ?? '--help', ['--help'], io);
    return await _command(name, rest, io);
  } catch (e) {
    if (e instanceof CliError) {
      io.stderr.write(`ddss: ${e.message}\n`);
      return e.exitCode;
    }
    // A bug, not a user error: say so in one line; the stack only on request.
    const text = e instanceof Error ? e.message : String(e);
    io.stderr.write(`ddss: internal error: ${text.split('\n')[0] ?? text}\n`);
    if ((io.env.DDSS_DEBUG ?? '') !== '' && e instanceof Error && e.stack !== undefined) io.stderr.write(`${e.stack}\n`);
    return EXIT.unevaluated;
  }
}

async function _command(name: string, argv: readonly string[], io: CliIo): Promise<number> {
  if (name === '--help') {
    io.stdout.write(MAIN_HELP);
    return EXIT.ok;
  }
  const command = COMMANDS.get(name);
  if (command === undefined) {
    throw new CliError(name.startsWith('-')
      ? `unknown option "${name}" (see ddss --help)`
      : `unknown command "${name}"; commands: ${[...COMMANDS.keys()].join(', ')} (see ddss --help)`);
  }
  return command(argv, io);
}
