import { describe, expect, it } from 'vitest';
import { unitCodeMatchesType } from './unit-code-matches-type.js';
import { codes, runRecord } from '../cross/_testkit.js';

describe('unitCodeMatchesType', () => {
  const rule = unitCodeMatchesType({ code: 'enterprise_code', type: 'type' });
  it.each([
    ['0100109106', 'CP'], ['0100109106', 'DNTN'], ['0100109106-001', 'CN'], ['0100109106001', 'VPDD'],
    ['0100109106', 'XX'], ['not a code', 'CN'], [' 0100109106-002 ', ' CN '],
  ])('accepts %s for %s', (code, type) => {
    expect(runRecord(rule, { enterprise_code: code, type })).toEqual([]);
  });

  it.each([
    ['0100109106', 'CN', 'unit_without_branch_code'], ['0100109106', 'VPDD', 'unit_without_branch_code'],
    ['0100109106-001', 'TNHH1TV', 'enterprise_with_branch_code'], ['0100109106001', 'CP', 'enterprise_with_branch_code'],
  ])('reports %s for %s as %s', (code, type, expected) => {
    expect(codes(runRecord(rule, { enterprise_code: code, type }))).toEqual([expected]);
  });
});
