import { GZIP_PIPE } from '../sources/binary-input.js';

/**
 * A reader's error as the command run says it: the readers' gzip error suggests piping into `ddss validate -`, which
 * is wrong advice under another command. `pipe` is the command's own (`zcat FILE | ddss profile - …`); undefined for
 * a command that cannot read standard input (`fix`), whose error then suggests `gunzip` alone.
 * @example readError('decompress it first (gunzip, or `zcat FILE | ddss validate - …`)', undefined) // 'decompress it first (gunzip)'
 */
export function readError(text: string, pipe: string | undefined): string {
  return text.replaceAll(`, or \`${GZIP_PIPE}\``, pipe === undefined ? '' : `, or \`${pipe}\``);
}
