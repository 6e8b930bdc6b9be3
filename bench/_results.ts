import { readFile, writeFile } from 'node:fs/promises';

/**
 * bench/RESULTS.md holds one generated section per benchmark (`npm run bench`, `npm run bench:core`), each between
 * its own markers, so that running one benchmark never erases the other's numbers.
 */
export async function writeSection(file: string, name: string, body: string): Promise<void> {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const current = await readFile(file, 'utf8').catch(() => '');
  const section = `${start}\n${body.trimEnd()}\n${end}`;
  const at = current.indexOf(start);
  const stop = current.indexOf(end);
  const next = at >= 0 && stop > at
    ? current.slice(0, at) + section + current.slice(stop + end.length)
    : `${current.trimEnd()}${current.trim() === '' ? '' : '\n\n'}${section}\n`;
  await writeFile(file, next.endsWith('\n') ? next : `${next}\n`);
}
