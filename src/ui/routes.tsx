import type { RouteObject, ShouldRevalidateFunction } from 'react-router';
import { paths } from '../engine/paths.ts';
import { loadToolMessages } from './i18n/use-messages.ts';
import { Layout, RouteError } from './layout.tsx';
import { StepPage, stepLoader } from './wizard/step-page.tsx';

/** Route id of the step page, whose loader data (the tree) a prerendered page hydrates with. */
export const STEP_ROUTE_ID = 'step';

/**
 * For pages whose loader reads only the path (and the language, fixed per
 * load): a search typed into `?q=` must not re-run it, which would also hold
 * the URL back while it ran.
 */
const onPathChange: ShouldRevalidateFunction = ({ currentUrl, nextUrl, defaultShouldRevalidate }) =>
  currentUrl.pathname !== nextUrl.pathname && defaultShouldRevalidate;

/** The app's routes, shared by the browser router and the build-time prerenderer. */
export const routes: RouteObject[] = [
  {
    id: 'root',
    element: <Layout />,
    errorElement: <RouteError />,
    hydrateFallbackElement: <></>,
    children: [
      // The home page (and its search) is its own chunk: a cold step link does not load it.
      {
        path: paths.home.pattern,
        lazy: () =>
          import('./home/home-page.tsx').then((p) => ({
            Component: p.HomePage,
            loader: () => loadToolMessages().then(() => null),
            shouldRevalidate: onPathChange,
          })),
      },
      // A guide's entry link (`/t/:treeId`, with facts from a ticket system) only redirects: its own chunk.
      { path: paths.tree.pattern, loader: stepLoader, lazy: () => import('./wizard/tree-start-page.tsx').then((p) => ({ Component: p.TreeStartPage })) },
      { id: STEP_ROUTE_ID, path: paths.step.pattern, loader: stepLoader, element: <StepPage /> },
      // The code reference and the analyzer are their own chunks: the wizard's first step does not load them.
      {
        path: paths.codes.pattern,
        lazy: () => import('./codes/codes-page.tsx').then((p) => ({ loader: p.codesLoader, shouldRevalidate: onPathChange, Component: p.CodesPage })),
      },
      { path: paths.code.pattern, lazy: () => import('./codes/code-page.tsx').then((p) => ({ loader: p.codeLoader, Component: p.CodePage })) },
      {
        path: paths.cases.pattern,
        lazy: () => import('./cases/cases-page.tsx').then((p) => ({ Component: p.CasesPage, loader: () => loadToolMessages().then(() => null) })),
      },
      { path: paths.analyze.pattern, lazy: () => import('./analyze/analyze-page.tsx').then((p) => ({ loader: p.analyzeLoader, Component: p.AnalyzePage })) },
      // The map (its layout code included) is its own chunk too.
      { path: paths.map.pattern, lazy: () => import('./map/map-page.tsx').then((p) => ({ loader: p.mapLoader, Component: p.MapPage })) },
      { path: '*', lazy: () => import('./not-found-page.tsx').then((p) => ({ Component: p.NotFoundPage, loader: () => loadToolMessages().then(() => null) })) },
    ],
  },
];
