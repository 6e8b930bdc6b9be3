import { describe, expect, it } from 'vitest';
import { crc32 } from './crc32.js';
import { MAX_TEXT_RUN, partText, type PartCheck } from './part-text.js';

const bytes = (s: string) => new TextEncoder().encode(s);

/** The text of `xml` cut into chunks of `size` bytes (inside characters too), read through `partText`. */
async function read(xml: string, size: number, check: Partial<PartCheck> = {}): Promise<string> {
  const all = bytes(xml);
  async function* chunks() { for (let i = 0; i < all.length; i += size) yield all.subarray(i, i + size); }
  let text = '';
  for await (const t of partText(chunks(), { root: 'sst', crc: async () => crc32(all), damaged: (why) => new Error(why),
    tooLarge: (why) => new Error(`too large: ${why}`), ...check })) text += t;
  return text;
}

describe('partText', () => {
  const sst = '<?xml version="1.0"?>\n<sst xmlns="x" count="1"><si><t>Sổ địa chính</t></si></sst>';

  it.each([1, 2, 5, 4096])('decodes characters cut between chunks of %d bytes whole', async (size) => {
    expect(await read(sst, size)).toBe(sst);
  });

  it.each([
    ['white space after the root', `${sst}\r\n  `],
    ['a comment and a processing instruction after it', `${sst}<!-- xuất từ hệ thống --><?pi x?>\n`],
    ['an empty root', '<sst xmlns="x" count="0" uniqueCount="0"/>'],
  ])('takes a part that closes its root: %s', async (_, xml) => {
    expect(await read(xml, 7)).toBe(xml);
  });

  it.each([1, 3, 7, 4096])('hands a part whose elements are named with a prefix over without it, in chunks of %d bytes', async (size) => {
    // As the .NET Open XML SDK writes: exceljs' parsers match names literally (`si`, `t`), and read none of `x:si`.
    const xml = '<?xml version="1.0"?>\n<x:sst xmlns:x="x" count="1"><x:si><x:t>Sổ địa chính</x:t></x:si></x:sst>';
    expect(await read(xml, size)).toBe('<?xml version="1.0"?>\n<sst xmlns:x="x" count="1"><si><t>Sổ địa chính</t></si></sst>');
  });

  it.each([
    ['cut inside an element', sst.slice(0, 60)],
    ['cut inside the closing tag', sst.slice(0, -3)],
    ['cut after the last child', sst.replace('</sst>', '')],
    ['prefixed, cut after the last child', '<x:sst xmlns:x="x"><x:si><x:t>a</x:t></x:si>'],
    ['another root closed', '<sstx><si/></sstx>'],
  ])('fails a part %s', async (_, xml) => {
    await expect(read(xml, 7)).rejects.toThrow(/ends before its XML does \(no closing <\/sst>\)/);
  });

  it('fails a part whose bytes differ from the CRC-32 the zip records, and takes one for which it records none', async () => {
    await expect(read(sst, 7, { crc: async () => crc32(bytes(sst.replace('Sổ', 'Sỗ'))) })).rejects.toThrow(/does not match the checksum/);
    expect(await read(sst, 7, { crc: async () => undefined })).toBe(sst);
  });
});

describe('partText on a part too large to hold (a zip bomb)', () => {
  it('refuses a part held whole past its limit, before passing on more of it', async () => {
    const sst = `<sst>${'<si><t>a</t></si>'.repeat(1000)}</sst>`;
    await expect(read(sst, 4096, { maxChars: 8000 })).rejects.toThrow(/^too large: holds over 0 MiB of XML/);
    expect(await read(sst, 4096, { maxChars: sst.length })).toBe(sst);
  });

  it.each([1 << 16, 1 << 20])('refuses a text between two tags longer than any cell holds (chunks of %d bytes)', async (size) => {
    const long = `<sst><si><t>${'a'.repeat(MAX_TEXT_RUN + 1)}</t></si></sst>`;
    await expect(read(long, size)).rejects.toThrow(/^too large: holds a text of over 32 MiB between two tags/);
    const fits = `<sst><si><t>${'a'.repeat(MAX_TEXT_RUN - 16)}</t></si><si><t>${'a'.repeat(MAX_TEXT_RUN - 16)}</t></si></sst>`;
    expect((await read(fits, size)).length).toBe(fits.length);
  });
});
