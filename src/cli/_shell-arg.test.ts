import { describe, expect, it } from 'vitest';
import { shellArg } from './_shell-arg.js';

describe('shellArg', () => {
  it.each([
    ['Số CCCD=owner_id', '"Số CCCD=owner_id"'],
    ['say "hi"=x', '"say \\"hi\\"=x"'],
    ['Owner ID\u202E=owner_id', "$'Owner ID\\u202e=owner_id'"],
    ['a\u001b[2J\u200B=b', "$'a\\u001b[2J\\u200b=b'"],
    ["it's\\$HOME`x`=y", "$'it\\'s\\\\$HOME`x`=y'"],
    ['tab\tcr\rlf\n=z', "$'tab\\tcr\\rlf\\n=z'"],
  ])('writes %j as %s', (text, shown) => {
    expect(shellArg(text)).toBe(shown);
  });
});
