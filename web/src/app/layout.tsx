/** The frame of every signed-in page: the header with the user, the menu from the route table. */
import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Layout, Menu, type MenuProps, Result, Space, Spin, Typography } from 'antd';
import { Suspense, useEffect, useMemo } from 'react';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { roleNames } from '../../../src/store/schema.js';
import { CorpusScope } from '../components/corpus-scope.js';
import { ApiError, call, messageOf } from '../lib/api.js';
import * as api from '../lib/endpoints.js';
import { sessionSeen, useMe } from '../lib/session.js';
import { can } from './access.js';
import { pageOf, pages } from './route-table.js';

export const appTitle = '政府信息公开工作平台';

function menuItems(role: Parameters<typeof can>[0]): MenuProps['items'] {
  const visible = pages.filter((p) => p.menu !== false && can(role, p.capability));
  const items: NonNullable<MenuProps['items']> = [];
  const groups = new Map<
    string,
    { key: string; label: string; children: { key: string; icon: unknown; label: unknown }[] }
  >();
  for (const p of visible) {
    const item = { key: p.path, icon: p.icon, label: <Link to={p.path}>{p.title}</Link> };
    if (!p.group) {
      items.push(item as never);
      continue;
    }
    let group = groups.get(p.group);
    if (!group) {
      group = { key: `group:${p.group}`, label: p.group, children: [] };
      groups.set(p.group, group);
      items.push({ type: 'group', ...group } as never);
    }
    group.children.push(item);
  }
  return items;
}

export function AppLayout() {
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const page = pageOf(location.pathname);
  const role = me.data?.user.role;
  const items = useMemo(() => menuItems(role), [role]);

  useEffect(() => {
    if (me.data) sessionSeen.value = true;
  }, [me.data]);
  useEffect(() => {
    document.title = page ? `${page.title} - ${appTitle}` : appTitle;
  }, [page]);

  if (me.isPending)
    return (
      <div className="gk-center">
        <Spin size="large" description="正在加载……">
          <div style={{ width: 200, height: 80 }} />
        </Spin>
      </div>
    );
  if (me.error) {
    if (me.error instanceof ApiError && me.error.status === 401)
      return (
        <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />
      );
    return (
      <Result
        status="error"
        title="无法加载用户信息"
        subTitle={messageOf(me.error)}
        extra={<Button onClick={() => me.refetch()}>重试</Button>}
      />
    );
  }
  const { user, agencies } = me.data;
  // Who has no register but oversees (the evaluator) lands on 监督概览 instead of the home page.
  if (location.pathname === '/' && !can(user.role, 'read') && can(user.role, 'oversee'))
    return <Navigate to="/oversight" replace />;
  const agencyName =
    agencies.find((a) => a.id === user.agencyId)?.name ??
    (agencies.length > 1 ? `${agencies.length} 个机关` : '');

  const logout = async () => {
    try {
      await call(api.logout, {});
    } catch (error) {
      message.error(messageOf(error));
    }
    sessionSeen.value = false;
    queryClient.clear();
    navigate('/login', { replace: true });
  };

  const selected = page ? [page.parent ?? page.path] : [];
  return (
    <Layout className="gk-shell">
      <Layout.Header className="gk-header">
        <Link to="/" className="gk-brand">
          <span className="gk-emblem" aria-hidden="true">
            公
          </span>
          {appTitle}
        </Link>
        <Space size="middle" className="gk-user">
          {agencyName && <span>{agencyName}</span>}
          <span>
            <UserOutlined /> {user.displayName}（{roleNames[user.role] ?? user.role}）
          </span>
          <Button size="small" icon={<LogoutOutlined />} onClick={logout}>
            退出登录
          </Button>
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={200} theme="light" className="gk-sider">
          <nav aria-label="主菜单">
            <Menu mode="inline" selectedKeys={selected} items={items} />
          </nav>
        </Layout.Sider>
        <Layout.Content className="gk-content">
          <main>
            <Typography.Title level={1} className="gk-page-title">
              {page?.title ?? ''}
            </Typography.Title>
            {page?.corpus && can(role, page.capability) && <CorpusScope user={user} agencies={agencies} />}
            {page && !can(role, page.capability) ? (
              <Result status="403" title="无权访问" subTitle="当前账号没有查看此页面的权限。" />
            ) : (
              <Suspense
                fallback={
                  <Spin description="正在加载……">
                    <div style={{ height: 120 }} />
                  </Spin>
                }
              >
                <Outlet />
              </Suspense>
            )}
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
