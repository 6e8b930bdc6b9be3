/** The `ddss` executable: runs the command line on the real process and sets its exit code. */
import { run } from './run.js';
import { processIo } from './_io.js';

process.exitCode = await run(process.argv.slice(2), processIo());
