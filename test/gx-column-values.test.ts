import { gxSuite } from './_gx-suite.js';

gxSuite('gx-column-values');
