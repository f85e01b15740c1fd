import 'dayjs/locale/zh-cn';
import './app/global.css';
import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import { type ReactNode, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { queryClient } from './app/query-client.js';
import { router } from './app/router.js';
import { setUnauthenticatedHandler } from './lib/api.js';
import { useReducedMotion } from './lib/motion.js';
import { sessionSeen } from './lib/session.js';

dayjs.locale('zh-cn');

setUnauthenticatedHandler(() => {
  const { pathname, search } = window.location;
  if (pathname === '/login') return;
  const expired = sessionSeen.value;
  sessionSeen.value = false;
  queryClient.clear();
  const next = encodeURIComponent(pathname + search);
  router.navigate(`/login?next=${next}${expired ? '&expired=1' : ''}`, { replace: true });
});

/**
 * Locale and theme. Dialogs, drawers and menus open without animation when the reader asked the
 * system for less motion (antd animates them otherwise, whatever the preference).
 */
function Theme({ children }: { children: ReactNode }) {
  const still = useReducedMotion();
  return (
    <ConfigProvider
      locale={zhCN}
      theme={{
        token: {
          motion: !still,
          colorPrimary: '#1d4f91',
          colorInfo: '#1d4f91',
          colorLink: '#1d4f91',
          colorTextSecondary: '#595959',
          colorTextDescription: '#595959',
          colorTextTertiary: '#666666',
          colorTextPlaceholder: '#757575',
          colorTextDisabled: '#737373',
          colorError: '#b71c1c',
          colorWarning: '#ad4e00',
          colorSuccess: '#237804',
          borderRadius: 2,
          fontSize: 14,
        },
        components: { Table: { cellPaddingBlockSM: 4 } },
      }}
    >
      {children}
    </ConfigProvider>
  );
}

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <Theme>
        <AntApp>
          <QueryClientProvider client={queryClient}>
            <RouterProvider router={router} />
          </QueryClientProvider>
        </AntApp>
      </Theme>
    </StrictMode>,
  );
