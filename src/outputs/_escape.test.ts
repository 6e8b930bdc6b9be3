import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvText, csvTextValue, escapeHtml, escapeXml, escapeXmlAttribute, jsonLine, jsonText, markdownCode, markdownText, plainText, scriptJson, terminalLines } from './_escape.js';

describe('escapeHtml', () => {
  it.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    [`"'><img src=x onerror=alert(1)>`, '&quot;&#39;&gt;&lt;img src=x onerror=alert(1)&gt;'],
    ['a & b', 'a &amp; b'],
    ['{{7*7}} ${x}', '{{7*7}} ${x}'],
    ['abc\u202Eevil\u202C', 'abc\\u202eevil\\u202c'],
    ['esc\u001b[2J nel\u0085 zw\u200B bom\uFEFF', 'esc\\u001b[2J nel\\u0085 zw\\u200b bom\\ufeff'],
    ['tab\tlf\ncr\r Nguyễn', 'tab\tlf\ncr\r Nguyễn'],
  ])('escapes %j', (input, output) => {
    expect(escapeHtml(input)).toBe(output);
  });
});

describe('scriptJson', () => {
  it('leaves no character that can end or alter a script block, and parses back to the same value', () => {
    const value = { a: '</script><!-- x -->', b: 'a & b > c', c: '\u2028\u2029' };
    const json = scriptJson(value);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual(value);
  });

  it('writes C1 controls, bidi and zero-width characters as \\uXXXX, and parses back to the same value', () => {
    const value = { a: 'abc\u202Eevil\u202C', b: 'x\u0085\u200B\uFEFF\u2066' };
    const json = scriptJson(value);
    expect(json).toBe('{"a":"abc\\u202eevil\\u202c","b":"x\\u0085\\u200b\\ufeff\\u2066"}');
    expect(JSON.parse(json)).toEqual(value);
  });
});

// Every character a terminal or viewer acts on or hides, but the line feeds of indentation.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const RAW_ACTIVE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;

describe('jsonText and jsonLine', () => {
  it.each([
    ['CSI (U+009B) and NEL (U+0085)', 'x\u009b2Jy\u0085', '"x\\u009b2Jy\\u0085"'],
    ['bidi override and isolates', 'abc\u202eevil\u202c \u2066a\u2069', '"abc\\u202eevil\\u202c \\u2066a\\u2069"'],
    ['bidi marks (LRM, RLM, ALM)', '\u200e\u200f\u061c', '"\\u200e\\u200f\\u061c"'],
    ['zero-width characters, BOM and DEL', 'a\u200bb\ufeffc\u2060\u007f', '"a\\u200bb\\ufeffc\\u2060\\u007f"'],
    ['line separators', 'a\u2028b\u2029', '"a\\u2028b\\u2029"'],
    ['a backslash before one', '\\\u009b', '"\\\\\\u009b"'],
    ['Vietnamese text, untouched', 'Nguyễn Văn Đức', '"Nguyễn Văn Đức"'],
  ])('writes %s as \\uXXXX', (_what, value, written) => {
    expect(jsonText(value)).toBe(written);
    expect(JSON.parse(jsonText(value))).toBe(value);
    expect(jsonLine({ value })).toBe(`{"value":${written}}\n`);
  });

  it('gives back the same value and writes nothing a terminal acts on, whatever the text and indent', () => {
    fc.assert(fc.property(fc.array(fc.string({ unit: 'binary' }), { maxLength: 4 }), fc.constantFrom(undefined, 0, 2),
      (texts, indent) => {
        const value = { texts, nested: { [texts[0] ?? 'k']: texts } };
        const written = jsonText(value, indent);
        expect(JSON.parse(written)).toEqual(value);
        expect(written).not.toMatch(RAW_ACTIVE);
        // eslint-disable-next-line no-control-regex -- every character but ASCII's printable ones
        expect(written).toBe(JSON.stringify(value, null, indent).replace(/[^\u0000-\u007e]/g, (c) => (RAW_ACTIVE.test(c) ? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}` : c)));
      }), { numRuns: 2000 });
  });
});

describe('escapeXmlAttribute', () => {
  it.each([
    ['a<b>&"\'', 'a&lt;b&gt;&amp;&quot;&apos;'],
    ['tab\tcr\rlf\n', 'tab&#9;cr&#13;lf&#10;'],
    ['nul\u0000', 'nul\\u0000'],
  ])('makes %j safe in an attribute', (input, output) => {
    expect(escapeXmlAttribute(input)).toBe(output);
  });
});

describe('escapeXml', () => {
  it.each([
    ['a<b>&"\'', 'a&lt;b&gt;&amp;"\''],
    ['tab\tcr\rlf\n', 'tab\tcr&#13;lf\n'],
    ['nul\u0000', 'nul\\u0000'],
    ['bell\u0007 vt\u000b ff\u000c esc\u001b', 'bell\\u0007 vt\\u000b ff\\u000c esc\\u001b'],
    ['\uFFFE\uFFFF', '\\ufffe\\uffff'],
    ['lone \uD800 high', 'lone \\ud800 high'],
    ['lone \uDC00 low', 'lone \\udc00 low'],
    ['pair \uD83D\uDE00 kept', 'pair \uD83D\uDE00 kept'],
    ['Nguyễn Văn An', 'Nguyễn Văn An'],
    ['abc\u202Eevil\u202C zw\u200B\uFEFF nel\u0085', 'abc\\u202eevil\\u202c zw\\u200b\\ufeff nel\\u0085'],
  ])('makes %j XML 1.0-safe', (input, output) => {
    expect(escapeXml(input)).toBe(output);
  });
});

describe('plainText', () => {
  it.each([
    ['\u001b[31mred\u001b[0m', '\\u001b[31mred\\u001b[0m'],
    ['line\nfake line', 'line\\nfake line'],
    ['\r\t\u0007\u009b', '\\r\\t\\u0007\\u009b'],
    ['Đúng, đủ, sạch, sống', 'Đúng, đủ, sạch, sống'],
    ['abc\u202Eevil\u202C', 'abc\\u202eevil\\u202c'],
    ['\u2066x\u2069 \u200Fy\u061C', '\\u2066x\\u2069 \\u200fy\\u061c'],
    ['zw\u200B\u200C\u200Dx\u2060\uFEFF', 'zw\\u200b\\u200c\\u200dx\\u2060\\ufeff'],
  ])('shows control characters in %j instead of sending them to the terminal', (input, output) => {
    expect(plainText(input)).toBe(output);
  });
});

describe('csvText', () => {
  it.each([
    ['\u001b[31mred\u001b[0m', '\\u001b[31mred\\u001b[0m'],
    ['\u001b]0;title\u0007', '\\u001b]0;title\\u0007'],
    ['over\rwritten', 'over\\rwritten'],
    ['two\r\nlines\nand\ta tab', 'two\r\nlines\nand\ta tab'],
    ['abc\u202Eevil\u009b\u0000', 'abc\\u202eevil\\u009b\\u0000'],
    ['Đúng, đủ, sạch, sống', 'Đúng, đủ, sạch, sống'],
  ])('shows what a terminal would act on in %j, keeping what a quoted cell carries', (input, output) => {
    expect(csvText(input)).toBe(output);
  });

  it.each([
    ['the text \\u001b', 'the text \\\\u001b'],
    ['the text \\r', 'the text \\\\r'],
    ['\\\u001b', '\\\\\\u001b'],
    ['\\\\u202E', '\\\\\\\\u202E'],
    ['C:\\data\\x', 'C:\\data\\x'],
    ['^\\d{12}$ \\\\server \\u12', '^\\d{12}$ \\\\server \\u12'],
  ])('doubles the backslashes of %j only where they would read as an escape', (input, output) => {
    expect(csvText(input)).toBe(output);
    expect(csvTextValue(output)).toBe(input);
  });

  it('is given back by csvTextValue, whatever the text', () => {
    const pieces = fc.constantFrom('\\', 'u', 'r', '001b', '202e', '0041', 'A', '\u001b', '\u202e', '\r', '\n', '\r\n', '\t', '\u0000', 'đ', ',');
    fc.assert(fc.property(fc.array(pieces, { maxLength: 12 }), (parts) => {
      const text = parts.join('');
      const written = csvText(text);
      expect(csvTextValue(written)).toBe(text);
      // eslint-disable-next-line no-control-regex -- no character a terminal acts on is written
      expect(written).not.toMatch(/[\u0000-\u0008\u001b\u202e]|\r(?!\n)/);
    }), { numRuns: 2000 });
  });
});

describe('terminalLines', () => {
  it.each([
    ['cannot read "a\u001b[2J.csv"\n', 'cannot read "a\\u001b[2J.csv"\n'],
    ['one\ntwo\rthree\n', 'one\ntwo\\rthree\n'],
    ['\r\u001b[Kddss: 10 rows', '\r\u001b[Kddss: 10 rows'],
    ['\r\u001b[K', '\r\u001b[K'],
    ['x \u202E\u001b]52;c;SGk=\u0007', 'x \\u202e\\u001b]52;c;SGk=\\u0007'],
    // Quoted in a message (a file name holding it), the erase is data: it would wipe the line printed so far.
    ['cannot read "x\r\u001b[Kall good"\n', 'cannot read "x\\r\\u001b[Kall good"\n'],
    ['\r\u001b[Kddss: "a\r\u001b[K"', '\r\u001b[Kddss: "a\\r\\u001b[K"'],
  ])('keeps line breaks and the progress erase, and escapes the rest of %j', (input, output) => {
    expect(terminalLines(input)).toBe(output);
    expect(terminalLines(output)).toBe(output);
  });
});

describe('markdownText', () => {
  it.each([
    ['a|b', 'a\\|b'],
    ['*bold* _it_', '\\*bold\\* \\_it\\_'],
    ['![x](http://e/x.png)', '!\\[x\\](http:\u2060//e/x.png)'],
    ['<img src=x>', '\\<img src=x\\>'],
    ['line\nbreak', 'line\\\\nbreak'],
    ['$x$ ~~s~~ &amp; @team `c`', '\\$x\\$ \\~\\~s\\~\\~ \\&amp; @\u2060team \\`c\\`'],
    // GFM autolinks: an invisible word joiner where the link would start.
    ['see https://x.vn/a?b=1', 'see https:\u2060//x.vn/a?b=1'],
    ['HTTP://X.VN ftp://x.vn', 'HTTP:\u2060//X.VN ftp:\u2060//x.vn'],
    ['www.x.vn and WWW.X.VN', 'www\u2060.x.vn and WWW\u2060.X.VN'],
    ['a.b+c@mail.gov.vn', 'a.b+c@\u2060mail.gov.vn'],
    ['mailto:a@b.co xmpp:a@b.co/r', 'mailto:a@\u2060b.co xmpp:a@\u2060b.co/r'],
  ])('escapes %j', (input, output) => {
    expect(markdownText(input)).toBe(output);
  });
});

describe('markdownCode', () => {
  it.each([
    ['P-1', '`P-1`'],
    ['a|b', '`a|b`'],
    ['https://x.vn a@b.co', '`https://x.vn a@b.co`'],
    ['a`b', '``a`b``'],
    ['`x', '`` `x ``'],
    ['two\nlines', '`two\\nlines`'],
    ['', ''],
  ])('writes %j as a code span', (input, output) => {
    expect(markdownCode(input)).toBe(output);
  });

  it.each([['a|b', '`a\\|b`'], ['|', '`\\|`'], ['a||b', '`a\\|\\|b`']])('escapes pipes in %j for a table cell', (input, output) => {
    expect(markdownCode(input, { cell: true })).toBe(output);
  });
});
