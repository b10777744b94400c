/**
 * Where a build is served and written (build-time code: vite.config.ts and
 * the build scripts read it; the browser gets the base as Vite's
 * `import.meta.env.BASE_URL`).
 */

/**
 * The URL path the site is served under, from `BASE_PATH`: `/` by default,
 * else a path with a slash at both ends (`/troubleshooter/`). Only letters,
 * digits and `. _ ~ -` in its segments: the path is written into HTML, a
 * service worker and a web server's configuration, so nothing in it may need
 * escaping there.
 */
export function basePath(value: string | undefined = process.env.BASE_PATH): string {
  if (value === undefined || value.trim() === '' || value === '/') return '/';
  const path = `/${value.trim().replace(/^\/+/, '').replace(/\/+$/, '')}/`;
  if (!/^\/(?:[A-Za-z0-9._~-]+\/)+$/.test(path) || path.split('/').some((s) => s === '.' || s === '..')) {
    throw new Error(`BASE_PATH must be a URL path such as /troubleshooter/ (letters, digits, . _ ~ - between slashes), not ${JSON.stringify(value)}`);
  }
  return path;
}

/** The build's output folder, relative to the project: `dist` unless `OUT_DIR` names another (a second build side by side). */
export function outDir(value: string | undefined = process.env.OUT_DIR): string {
  return value && value.trim() !== '' ? value.trim() : 'dist';
}

/** Where the build writes the web server's generated configuration: beside the output folder, never inside it (it is not for the public). */
export function nginxDir(out: string = outDir()): string {
  return `${out.replace(/\/+$/, '')}-nginx`;
}
