import { createBrowserRouter } from 'react-router';
import { paths } from '../engine/paths.ts';
import { Layout, RouteError } from './layout.tsx';
import { HomePage } from './pages/home-page.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';
import { StepPage, stepLoader, TreeStartPage } from './pages/step-page.tsx';

export const router = createBrowserRouter([
  {
    element: <Layout />,
    errorElement: <RouteError />,
    hydrateFallbackElement: <></>,
    children: [
      { path: paths.home.pattern, element: <HomePage /> },
      { path: paths.tree.pattern, element: <TreeStartPage /> },
      { path: paths.step.pattern, loader: stepLoader, element: <StepPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
