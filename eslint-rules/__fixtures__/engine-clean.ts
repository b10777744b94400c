// A clean engine module: a local named `window` is not the global, and the time comes in as an argument.
export function around(text: string, at: number, now: number): string {
  const window = text.slice(Math.max(0, at - 10), at + 10);
  return `${window} @${now}`;
}
