// Deliberate import cycle: cycle-a.ts → cycle-b.ts → cycle-a.ts.
import { b } from './cycle-b.ts';

export const a = (): string => `a${b.length}`;
