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
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
