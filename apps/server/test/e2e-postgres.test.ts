import { endToEndSuite } from './support/e2e-suite.ts';

endToEndSuite('postgres');
