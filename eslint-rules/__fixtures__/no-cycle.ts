// Imports cycle-b.ts, which is in a loop, but nothing leads back here; a type-only import cannot make a cycle.
import { b } from './cycle-b.ts';
import type { Later } from './type-back.ts';

export const c = (x: Later): string => b + x;
