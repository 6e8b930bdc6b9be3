import { extname } from 'node:path';
import { usage } from './_errors.js';

/**
 * The format of a file of lines a command writes (`--violations`, `--grades`, `--log`, `--changes`), by its
 * extension: `.csv`, or `.ndjson`/`.jsonl`; anything else is a usage error naming `flag`, in both languages.
 * @example tableFormat('log', 'changes.jsonl') // 'ndjson'
 */
export function tableFormat(flag: string, path: string): 'csv' | 'ndjson' {
  const ext = extname(path).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.ndjson' || ext === '.jsonl') return 'ndjson';
  throw usage(`--${flag} must end in .csv or .ndjson (or .jsonl), got "${path}"`,
    `--${flag} phải có đuôi .csv hoặc .ndjson (hoặc .jsonl), nhận được "${path}"`);
}
