import { renderToString } from 'react-dom/server';
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router';
import type { Lang } from './engine/model.ts';
import { en } from './ui/i18n/en.ts';
import { setLangForPrerender } from './ui/i18n/use-messages.ts';
import { zh } from './ui/i18n/zh.ts';
import { routes } from './ui/routes.tsx';

export { loaders } from 'virtual:content';

/**
 * Renders one URL of the app to HTML at build time (scripts/prerender.ts),
 * with the same routes and components the browser uses.
 */
export async function render(url: string, lang: Lang = 'en'): Promise<string> {
  setLangForPrerender(lang, lang === 'zh' ? zh : en);
  const handler = createStaticHandler(routes);
  const context = await handler.query(new Request(new URL(url, 'http://localhost')));
  if (context instanceof Response) throw new Error(`${url} answered with a redirect (${context.status})`);
  const router = createStaticRouter(handler.dataRoutes, context);
  return renderToString(<StaticRouterProvider router={router} context={context} hydrate={false} />);
}
