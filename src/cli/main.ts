/** The `ddss` executable: runs the command line on the real process and sets its exit code. */
import { run } from './run.js';
import { processIo } from './_io.js';

// No top-level await: the CommonJS build of this entry must load too.
void run(process.argv.slice(2), processIo()).then((code) => {
  process.exitCode = code;
});
