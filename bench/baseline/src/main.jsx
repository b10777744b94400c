// The smallest page that really uses the app's three runtime libraries:
// React (+ react-dom), react-router's data router and a persisted zustand store.
// `npm run bench` compares the app's first step page against this one.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider, useParams } from 'react-router';
import { create } from 'zustand';
import { persist } from 'zustand/middleware';

// A tiny persisted store (localStorage), read by the step component.
const useVisits = create(
  persist(
    (set) => ({
      visits: 0,
      visit: () => set((s) => ({ visits: s.visits + 1 })),
    }),
    { name: 'baseline' },
  ),
);

function Step() {
  const { stepId } = useParams();
  const visits = useVisits((s) => s.visits);
  return (
    <article data-step-kind="question" data-step={stepId} data-visits={visits}>
      <h1>Which error message do you see?</h1>
      <p>body</p>
    </article>
  );
}

const router = createBrowserRouter([{ path: '/t/:treeId/:stepId', element: <Step /> }]);

createRoot(document.getElementById('root')).render(
  <StrictMode>
    <RouterProvider router={router} />
  </StrictMode>,
);
