import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { htmlLang } from './ui/i18n/lang.ts';
import { currentLang, loadMessages } from './ui/i18n/use-messages.ts';
import { routes, STEP_ROUTE_ID } from './ui/routes.tsx';
import { registerServiceWorker } from './ui/offline.ts';
import { loadTree } from './ui/tree-data.ts';
import { ROUTER_BASENAME } from './engine/paths.ts';
import { EMBEDDED } from './ui/embed/flag.ts';
import { CONTENT_UPDATE_EVENT } from './engine/model.ts';

type Router = ReturnType<typeof createBrowserRouter>;

/** In a help desk's frame (`?embed=1`): the embed code (src/ui/embed/embed.ts) keeps the flag in the URL and talks to the desk. */
function embed(router: Router): Router {
  if (EMBEDDED) void import('./ui/embed/embed.ts').then((e) => e.start(router));
  return router;
}

/** Dev server: a saved content file loads the page's data again, at the same URL (src/content/vite-plugin.ts). Nothing of this is in a build. */
function live(router: Router): Router {
  if (import.meta.hot) window.addEventListener(CONTENT_UPDATE_EVENT, () => void router.revalidate());
  return router;
}

const container = document.getElementById('root')!;

/**
 * Step pages are prerendered at build time (scripts/prerender.ts), so the
 * title paints from the HTML. When the URL is exactly the prerendered one,
 * the app hydrates it with the (preloaded) tree; otherwise (a ?trail=, a
 * page that was not prerendered) it renders from scratch.
 */
export async function start(): Promise<void> {
  const lang = currentLang();
  document.documentElement.lang = htmlLang(lang);
  if (EMBEDDED) document.documentElement.dataset.embed = '';
  try {
    await loadMessages();
  } catch {
    // Not even the English strings could be fetched (offline on a first visit, a deploy in between):
    // keep the prerendered page if there is one, else say so rather than show nothing.
    if (!container.dataset.prerendered) container.textContent = 'This page could not be loaded. Check your connection and reload the page.';
    return;
  }
  // Works offline after this visit (docs/decisions/0007): registers once the page has loaded and is idle.
  registerServiceWorker();
  // A prerendered step names its tree (scripts/prerender.ts), and is served at its own address only: no URL to read.
  const prerendered = container.dataset.prerendered;
  // The prerendered markup is in this language (English, or Chinese swapped in by an inline
  // script) and has no trail: hydrate it. Anything else renders from scratch.
  const plain = !window.location.search || window.location.search === `?lang=${lang}`;
  const markupLang = container.dataset.lang ?? 'en';
  const tree = prerendered && markupLang === lang && plain ? await loadTree(prerendered, lang)?.catch(() => undefined) : undefined;
  const router = live(
    embed(createBrowserRouter(routes, { basename: ROUTER_BASENAME, ...(tree && { hydrationData: { loaderData: { [STEP_ROUTE_ID]: tree } } }) })),
  );
  const app = (
    <StrictMode>
      <RouterProvider router={router} />
    </StrictMode>
  );
  if (tree) {
    hydrateRoot(container, app);
    return;
  }
  // Over prerendered markup (a shared link with its ?trail=), render once the page's data is in: rendering
  // before would blank the page until the step's chunks arrive. The prerendered step shows meanwhile.
  if (prerendered && !router.state.initialized)
    await new Promise<void>((done) => {
      const stop = router.subscribe((state) => {
        if (state.initialized) {
          stop();
          done();
        }
      });
    });
  createRoot(container).render(app);
}
