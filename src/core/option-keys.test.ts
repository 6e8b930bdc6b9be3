import { describe, expect, it } from 'vitest';
import { createValidator, defineDataset, field, validate } from '../index.js';

const NOW = new Date('2026-01-01T00:00:00Z');
const def = defineDataset({ name: 'd', fields: { id: field.text().required() } });
const rows = [{ id: 'a' }, { id: '' }];

describe('options of a run', () => {
  it.each([
    [{ failunder: 0.99 }, /"failunder" is not an option of a run \(did you mean "failUnder"\?\)/],
    [{ maxSamples: 5 }, /"maxSamples" is not an option/],
    [{ showvalues: true }, /did you mean "showValues"/],
    [{ timezone: 'Asia/Ho_Chi_Minh' }, /did you mean "timeZone"/],
    [{ reference: {} }, /did you mean "references"/],
  ])('refuse a key that is no option, %o, which was ignored and the run judged without it', async (extra, message) => {
    const options = { now: NOW, ...extra } as never;
    await expect(validate(def, rows, options)).rejects.toThrow(message);
    expect(() => createValidator(def, options)).toThrow(message);
  });

  it('accept the documented options', async () => {
    const report = await validate(def, rows, { now: NOW, failUnder: 0.4, maxSamplesPerRule: 1, locale: 'vi', timeZone: 'UTC',
      showValues: false, timings: false, workers: 1 });
    expect(report.status).toBe('failed');
  });
});
