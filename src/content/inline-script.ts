import { build, type Rolldown } from 'vite';

/**
 * A browser module (src/head-script.ts) bundled with what it imports and
 * minified into one classic script, to be inlined in a page: Vite's own
 * bundler and minifier, in a build of its own that writes nothing. `base` is
 * Vite's `base` (`import.meta.env.BASE_URL` in the module). A global the
 * module declares but nobody defines (`__HEAD_CHUNKS__`) stays as it is
 * written, for the caller to replace: see `fillIn`.
 */
export async function inlineScript(entry: string, root: string, base: string): Promise<string> {
  const result = await build({
    configFile: false,
    envDir: false,
    root,
    base,
    publicDir: false,
    logLevel: 'warn',
    build: {
      write: false,
      copyPublicDir: false,
      emptyOutDir: false,
      minify: true,
      lib: { entry, formats: ['iife'], name: 'inlineScript' },
      // Reading a property has no side effect here (`window.location`, `navigator.language`):
      // what the script does not use is dropped.
      rolldownOptions: { treeshake: { propertyReadSideEffects: false } },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const chunks = outputs.flatMap((o) => o.output).filter((o) => o.type === 'chunk');
  if (chunks.length !== 1) throw new Error(`${entry}: expected one bundled script, got ${chunks.length}`);
  const code = chunks[0]!.code.trim();
  if (/\bimport\b\s*[({"'`]|<\/script/i.test(code)) throw new Error(`${entry}: the bundled script cannot be inlined (an import left, or "</script")`);
  return code;
}

/** The script with its one `name` replaced by `value` as JSON (safe inside `<script>`: `<` is escaped). */
export function fillIn(script: string, name: string, value: unknown): string {
  const parts = script.split(new RegExp(`\\b${name}\\b`));
  if (parts.length !== 2) throw new Error(`inline script: expected ${name} once, found it ${parts.length - 1} times`);
  return parts.join(JSON.stringify(value).replaceAll('<', '\\u003c'));
}
