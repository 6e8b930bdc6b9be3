/**
 * The definition of `npm run bench:memory`: `group` must be `a` or `b` and the generated file holds `zz` in every
 * row, so `group.oneOf` fails every row (one violation per row). A module of its own, naming itself, so that worker
 * threads load it by name from the built package.
 */
import { defineDataset, field } from '../dist/index.js';

export const everyRowFails = defineDataset({
  name: 'every-row-fails',
  module: import.meta.url,
  key: 'id',
  fields: {
    id: field.text().required(),
    group: field.text().oneOf(['a', 'b']),
    n: field.integer().min(0),
  },
});
