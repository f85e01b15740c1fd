/** Loading and error states shown the same way everywhere. */
import { Alert, Button, Spin } from 'antd';
import type { ReactNode } from 'react';
import { messageOf } from '../lib/api.js';

export function Loading({ tip = '正在加载……' }: { tip?: string }) {
  return (
    <div role="status" aria-live="polite" style={{ padding: 32, textAlign: 'center' }}>
      <Spin description={tip}>
        <div style={{ height: 40 }} />
      </Spin>
    </div>
  );
}

export function LoadError({ error, retry }: { error: unknown; retry?: () => void }) {
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title="加载失败"
      description={messageOf(error)}
      action={retry ? <Button onClick={retry}>重试</Button> : undefined}
    />
  );
}

/** Renders `children(data)` once a query has data; its loading and error states otherwise. */
export function QueryView<T>({
  query,
  children,
}: {
  query: { data: T | undefined; error: unknown; isPending: boolean; refetch: () => unknown };
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <Loading />;
  if (query.error || query.data === undefined)
    return <LoadError error={query.error} retry={() => query.refetch()} />;
  return <>{children(query.data)}</>;
}
