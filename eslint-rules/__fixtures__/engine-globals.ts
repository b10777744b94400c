// Deliberate violations of the engine's wall (eslint-rules/walls.test.ts lints this as a file of src/engine/).
export function language(): string {
  return localStorage.getItem('lang') ?? navigator.language;
}
export const debug = process.env.DEBUG === '1';
export const title = (): string => window.document.title;
