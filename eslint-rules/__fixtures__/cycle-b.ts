// The other half of the cycle; it would load fine alone.
import { a } from './cycle-a.ts';

export const b = 'b';
export const twice = (): string => a() + a();
