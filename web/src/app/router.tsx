import { createBrowserRouter } from 'react-router';
import { Loading } from '../components/query-state.js';
import { pages } from './route-table.js';

/** Shown while the first page's code loads (React Router renders it until the lazy route resolves). */
const HydrateFallback = () => (
  <div className="gk-center">
    <Loading />
  </div>
);

export const router = createBrowserRouter([
  {
    path: '/login',
    HydrateFallback,
    lazy: async () => ({ Component: (await import('../features/auth/login-page.js')).default }),
  },
  {
    path: '/',
    HydrateFallback,
    lazy: async () => ({ Component: (await import('./layout.js')).AppLayout }),
    children: pages.map((p) =>
      p.path === '/'
        ? { index: true, lazy: async () => ({ Component: (await p.load()).default }) }
        : { path: p.path.slice(1), lazy: async () => ({ Component: (await p.load()).default }) },
    ),
  },
  {
    path: '*',
    HydrateFallback,
    lazy: async () => ({ Component: (await import('../components/not-found.js')).NotFound }),
  },
]);
