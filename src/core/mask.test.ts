import { describe, expect, it } from 'vitest';
import { maskValue, redact } from './mask.js';

describe('maskValue', () => {
  it.each<[string, string, string]>([
    ['an identifier keeps a short prefix and suffix', '079301123456', '0793******56'],
    ['words keep their first letter', 'Nguyễn Văn An', 'N***** V** A*'],
    ['a short value is masked whole', '1961', '1***'],
    // A prefix and a suffix of a date are its day and year: a date keeps only its shape.
    ['a dd/MM/yyyy date', '23/03/1961', '**/**/****'],
    ['an ISO date', '1961-03-23', '****-**-**'],
    ['a dotted date', '23.3.1961', '**.*.****'],
    ['a date-time', '1961-03-23T00:00:00.000Z', '****-**-**T**:**:**.***Z'],
    ['a date-time with an offset', '2026-11-21 12:15:58+07:00', '****-**-** **:**:**+**:**'],
    ['digits with mixed separators are no date', '12-34/5678', '12-3****78'],
    ['nor are they without a four-digit year', '12-34-56', '12*****6'],
  ])('%s', (_name, text, expected) => {
    expect(maskValue(text)).toBe(expected);
  });
});

describe('redact', () => {
  it.each<[string, string, readonly string[], string]>([
    ['the value as it is', 'cannot parse Nguyễn Văn An', ['Nguyễn Văn An'], 'cannot parse N***** V** A*'],
    ['in upper case', 'bad NGUYỄN VĂN AN', ['Nguyễn Văn An'], 'bad N***** V** A*'],
    ['decomposed (NFD)', `bad ${'Nguyễn Văn An'.normalize('NFD')}`, ['Nguyễn Văn An'], 'bad N***** V** A*'],
    ['with other spacing', 'bad nguyễn\tvăn   an', ['Nguyễn Văn An'], 'bad n*****\tv**   a*'],
    ['an identifier by its digits alone', 'id 123456 / 12-34-56', ['12-34-56'], 'id 1***** / 12*****6'],
    ['a short value as a whole word only', 'An, Anna, an', ['An'], '**, Anna, **'],
    ['a one-digit value as a whole word only', 'code 7 of 17', ['7'], 'code * of 17'],
    ['a long run of digits from anywhere', 'saw 079301123456 before', [], 'saw 0793******56 before'],
    ['regex characters in a value', 'got a+b (c)', ['a+b (c)'], 'got a** (**'],
    ['nothing for blank values', 'all fine', ['', '  '], 'all fine'],
  ])('%s', (_name, text, secrets, expected) => {
    expect(redact(text, secrets, maskValue)).toBe(expected);
  });
});
