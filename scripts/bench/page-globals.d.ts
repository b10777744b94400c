/** What the bench's init scripts leave on the measured pages' `window` (read back with page.evaluate). */
export {};

interface LongTask {
  start: number;
  duration: number;
}

declare global {
  interface Window {
    __controlled?: number;
    __longTasks: LongTask[];
    __sets: { key: string; at: number; ms: number; chars: number }[];
    __h1Element?: number | null;
    __h1InDom?: number;
    __h1Paint?: number;
    __shifts?: { value: number; at: number }[];
  }
}
