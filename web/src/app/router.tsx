import { createBrowserRouter } from 'react-router';
import { pages } from './route-table.js';

export const router = createBrowserRouter([
  {
    path: '/login',
    lazy: async () => ({ Component: (await import('../features/auth/login-page.js')).default }),
  },
  {
    path: '/',
    lazy: async () => ({ Component: (await import('./layout.js')).AppLayout }),
    children: pages.map((p) =>
      p.path === '/'
        ? { index: true, lazy: async () => ({ Component: (await p.load()).default }) }
        : { path: p.path.slice(1), lazy: async () => ({ Component: (await p.load()).default }) },
    ),
  },
  {
    path: '*',
    lazy: async () => ({ Component: (await import('../components/not-found.js')).NotFound }),
  },
]);
