import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDefinition } from '../src/declarative/parse-definition.js';
import { VALIDATE_HELP } from '../src/cli/help.js';

const doc = readFileSync(new URL('../docs/cli.md', import.meta.url), 'utf8');

describe('docs/cli.md', () => {
  it('its example YAML definition is valid', () => {
    const yaml = /```yaml\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(yaml).toBeDefined();
    const def = parseDefinition(yaml ?? '', { format: 'yaml', file: 'docs/cli.md' });
    expect(def.name).toBe('land-parcels-hanoi');
    expect(Object.keys(def.fields)).toHaveLength(10);
    expect(def.rules).toHaveLength(6);
  });

  it('documents every flag of ddss validate --help', () => {
    for (const flag of VALIDATE_HELP.match(/--[a-z-]+/g) ?? []) expect(doc).toContain(flag);
  });
});
