import './styles/app.css';

/**
 * The entry is tiny on purpose. A prerendered step page (scripts/prerender.ts)
 * already shows its title in the HTML: the app (React, the router, the page)
 * is evaluated only after that first frame has been painted, so its start-up
 * never holds the first paint back. The app's files are preloaded from the
 * HTML (src/content/vite-plugin.ts), so waiting costs no download time.
 * Other pages start the app at once.
 */
const boot = () => import('./boot.tsx').then((app) => app.start());

if (document.getElementById('root')?.dataset.prerendered) requestAnimationFrame(() => setTimeout(() => void boot(), 0));
else void boot();
