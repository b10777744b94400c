import { renderToString } from 'react-dom/server';
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router';
import type { Lang } from './engine/model.ts';
import { ROUTER_BASENAME, sitePath } from './engine/paths.ts';
import { en } from './ui/i18n/en.ts';
import { setLangForPrerender } from './ui/i18n/use-messages.ts';
import { zh } from './ui/i18n/zh.ts';
import { routes } from './ui/routes.tsx';

export { codeLoaders, loaders } from 'virtual:content';

/**
 * Renders one URL of the app to HTML at build time (scripts/prerender.ts),
 * with the same routes and components the browser uses. `url` is the router's
 * (no base path); the links in the markup carry the base, as in the browser.
 */
export async function render(url: string, lang: Lang = 'en'): Promise<string> {
  setLangForPrerender(lang, lang === 'zh' ? zh : en);
  const handler = createStaticHandler(routes, { basename: ROUTER_BASENAME });
  const context = await handler.query(new Request(new URL(sitePath(url), 'http://localhost')));
  if (context instanceof Response) throw new Error(`${url} answered with a redirect (${context.status})`);
  const router = createStaticRouter(handler.dataRoutes, context);
  return renderToString(<StaticRouterProvider router={router} context={context} hydrate={false} />);
}
