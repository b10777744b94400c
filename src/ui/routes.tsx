import type { RouteObject } from 'react-router';
import { paths } from '../engine/paths.ts';
import { Layout, RouteError } from './layout.tsx';
import { HomePage } from './pages/home-page.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';
import { StepPage, stepLoader, TreeStartPage } from './pages/step-page.tsx';

/** Route id of the step page, whose loader data (the tree) a prerendered page hydrates with. */
export const STEP_ROUTE_ID = 'step';

/** The app's routes, shared by the browser router and the build-time prerenderer. */
export const routes: RouteObject[] = [
  {
    id: 'root',
    element: <Layout />,
    errorElement: <RouteError />,
    hydrateFallbackElement: <></>,
    children: [
      { path: paths.home.pattern, element: <HomePage /> },
      { path: paths.tree.pattern, element: <TreeStartPage /> },
      { id: STEP_ROUTE_ID, path: paths.step.pattern, loader: stepLoader, element: <StepPage /> },
      // The code reference and the analyzer are their own chunks: the wizard's first step does not load them.
      { path: paths.codes.pattern, lazy: () => import('./pages/codes-page.tsx').then((p) => ({ loader: p.codesLoader, Component: p.CodesPage })) },
      { path: paths.code.pattern, lazy: () => import('./pages/code-page.tsx').then((p) => ({ loader: p.codeLoader, Component: p.CodePage })) },
      { path: paths.analyze.pattern, lazy: () => import('./pages/analyze-page.tsx').then((p) => ({ loader: p.analyzeLoader, Component: p.AnalyzePage })) },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
