import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { profile } from '../profile/profile.js';
import { suggestDefinition } from '../profile/suggest-definition.js';
import { CliError, EXIT } from './_errors.js';
import { temporaryDir } from './_files.js';
import { openInput, type InputOptions } from './_input.js';
import type { CliIo } from './_io.js';
import type { Locale } from '../core/types.js';
import { titleHint } from './_header-below.js';
import { renamedPersonal } from './_rename.js';
import { shellArg } from './_shell-arg.js';
import { creation } from './_pending-outputs.js';

/**
 * For `ddss validate` without `--dataset`: profiles the input and writes the suggested definition to a private
 * temporary file (worker threads load a definition from its file), saying so on stderr in one line. `remove`
 * deletes the file once the run is over.
 * @example const s = await suggestedDataset(path, 'parcels.csv', opts, undefined, io); try { … s.path … } finally { await s.remove(); }
 */
export async function suggestedDataset(path: string, given: string, o: InputOptions, now: Date | undefined, io: CliIo,
  workers = 1, locale: Locale = 'en'): Promise<{ readonly path: string; remove(): Promise<void> }> {
  let yaml: string;
  let columns: number;
  let title: string | undefined;
  try {
    // The suggestion uses no part of a profile that workers could change (enums need exact counts).
    // A column renamed from a personal name (`Ngày sinh`) is suggested as pii, as it would be under its own name.
    const p = await profile(openInput(path, given, o), { workers, personalColumns: renamedPersonal(o.rename), ...(now === undefined ? {} : { now }) });
    // Before the suggestion: when a blank line or a title above the table leaves nothing to suggest, it says why.
    title = await titleHint(p, path, given, o, 'validate-suggested', locale);
    // With --rename, the suggestion says it (rename:), as `ddss profile --rename … --format yaml` saves it.
    yaml = suggestDefinition(p, { rename: o.rename });
    columns = p.columns.length;
  } catch (e) {
    if (title !== undefined) io.stderr.write(`${title}\n`);
    const why = (e as Error).message.replace(/^ddss: /, '').split('\n')[0] ?? '';
    throw new CliError(`cannot profile "${given}" to suggest a definition: ${why}`, EXIT.unevaluated,
      `không lập được hồ sơ "${given}" để đề xuất định nghĩa: ${why}`);
  }
  const dir = await temporaryDir('ddss-suggested-');
  const file = join(dir.path, 'suggested.yaml');
  await creation(() => writeFile(file, yaml, { mode: 0o600 }));
  const save = `ddss profile ${shellArg(given)}${renameFlags(o.rename)} --format yaml --out`;
  io.stderr.write(locale === 'vi'
    ? `ddss: không có --dataset: kiểm tra theo định nghĩa mà ddss profile đề xuất cho tệp này (${columns} cột); ` +
      `lưu định nghĩa đó bằng ${save} TỆP\n`
    : `ddss: no --dataset: validating against the definition ddss profile suggests for this file (${columns} column${columns === 1 ? '' : 's'}); ` +
      `save it with ${save} FILE\n`);
  if (title !== undefined) io.stderr.write(`${title}\n`);
  return { path: file, remove: () => dir.remove() };
}

/** The `--rename` flags that give the same suggestion (its `rename:` block), as a shell reads them. */
function renameFlags(rename: InputOptions['rename']): string {
  return Object.entries(rename ?? {}).map(([from, to]) => ` --rename ${shellArg(`${from}=${to}`)}`).join('');
}
