import { describe, expect, it } from 'vitest';
import { bhytMatchesBhxh } from './bhyt-matches-bhxh.js';
import { codes, runRecord } from './_testkit.js';
import { defineDataset } from '../../../src/define.js';
import { field } from '../../../src/field.js';

const rule = bhytMatchesBhxh({ card: 'bhyt_card_no', bhxh: 'bhxh_no' });

describe('bhytMatchesBhxh', () => {
  it.each([
    ['DN4010123456789', '0123456789'], ['HT3790198765432', '0198765432'], ['TE1011234567890', '1234567890'],
    ['DN4010123456789', 123456789], ['DN4010123456789', ' 0123456789'],
    // Regression: the same number in another accepted form (separators, case) was a mismatch.
    ['DN4010123456789', '01 2345 6789'], ['dn4010123456789', '0123456789'], ['DN 4 01 0123456789', '0123456789'],
  ])('accepts card %s with BHXH %s', (card, bhxh) => {
    expect(runRecord(rule, { bhyt_card_no: card, bhxh_no: bhxh })).toEqual([]);
  });

  it.each([
    ['DN4010123456789', '0123456780'], ['DN4010123456789', '123456789'], ['HT3790198765432', '0123456789'],
  ])('reports card %s with BHXH %s', (card, bhxh) => {
    expect(codes(runRecord(rule, { bhyt_card_no: card, bhxh_no: bhxh }))).toEqual(['bhyt_bhxh_mismatch']);
  });

  it.each([['DN40101234567'], ['DN4010123456789X'], ['not a card']])('leaves malformed card %s to the bhyt rule', (card) => {
    expect(runRecord(rule, { bhyt_card_no: card, bhxh_no: '9999999999' })).toEqual([]);
  });

  it.each([['dn4010123456789'], ['DN 4 01 0123456789']])('compares card %s in its canonical form', (card) => {
    expect(codes(runRecord(rule, { bhyt_card_no: card, bhxh_no: '9999999999' }))).toEqual(['bhyt_bhxh_mismatch']);
  });

  it('refuses a card field that is not text (a card holds letters), and takes an integer BHXH number', () => {
    const make = () => bhytMatchesBhxh({ card: 'card', bhxh: 'bhxh' });
    expect(() => defineDataset({ name: 'p', fields: { card: field.integer(), bhxh: field.text() }, rules: [make()] }))
      .toThrow(/rule "bhytMatchesBhxh": "card" is an integer field; this rule reads text, enum or any fields/);
    expect(() => defineDataset({ name: 'p', fields: { card: field.text(), bhxh: field.integer() }, rules: [make()] })).not.toThrow();
  });
});
