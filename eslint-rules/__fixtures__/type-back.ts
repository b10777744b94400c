// Imports no-cycle.ts for a type only: erased at compile time, so no runtime loop with no-cycle.ts.
import type { c } from './no-cycle.ts';

export type Later = string & { from?: typeof c };
