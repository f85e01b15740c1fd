/**
 * The route table: each page's path, title, icon and the capability it needs. It makes the menu,
 * the guards and the document title; pages load lazily.
 */
import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  BellOutlined,
  CalendarOutlined,
  CheckCircleOutlined,
  ClusterOutlined,
  DiffOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  FormOutlined,
  HistoryOutlined,
  HomeOutlined,
  PieChartOutlined,
  ScheduleOutlined,
  SolutionOutlined,
  TableOutlined,
  TeamOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import type { ComponentType, ReactNode } from 'react';
import type { Capability } from './access.js';

export interface PageRoute {
  path: string;
  title: string;
  icon?: ReactNode;
  capability: Capability;
  /** Menu group title; pages without one and `menu: false` stay out of the menu. */
  group?: string;
  menu?: boolean;
  /** A page out of the menu: the path of the menu item shown selected on it (the list it details). */
  parent?: string;
  /** Shows the report corpus as far as the user may see it: the scope is said under the title. */
  corpus?: boolean;
  load: () => Promise<{ default: ComponentType }>;
}

export const pages: readonly PageRoute[] = [
  {
    path: '/',
    title: '首页',
    icon: <HomeOutlined />,
    capability: 'read',
    load: () => import('../features/home/home-page.js'),
  },
  {
    path: '/applications',
    title: '申请登记',
    icon: <SolutionOutlined />,
    capability: 'read',
    group: '依申请公开',
    load: () => import('../features/register/applications-page.js'),
  },
  {
    path: '/applications/new',
    title: '登记新申请',
    icon: <FormOutlined />,
    capability: 'enter',
    group: '依申请公开',
    load: () => import('../features/register/new-application-page.js'),
  },
  {
    path: '/applications/:applicationId',
    title: '申请详情',
    capability: 'read',
    menu: false,
    load: () => import('../features/register/application-page.js'),
  },
  {
    path: '/due',
    title: '到期提醒',
    icon: <BellOutlined />,
    capability: 'read',
    group: '依申请公开',
    load: () => import('../features/register/due-page.js'),
  },
  {
    path: '/holidays',
    title: '节假日安排',
    icon: <CalendarOutlined />,
    capability: 'read',
    group: '依申请公开',
    load: () => import('../features/holidays/holidays-page.js'),
  },
  {
    path: '/cases',
    title: '复议诉讼',
    icon: <AuditOutlined />,
    capability: 'read',
    group: '年度工作',
    load: () => import('../features/cases/cases-page.js'),
  },
  {
    path: '/proactive',
    title: '主动公开',
    icon: <TableOutlined />,
    capability: 'read',
    group: '年度工作',
    load: () => import('../features/report/proactive-page.js'),
  },
  {
    path: '/report',
    title: '年度报告',
    icon: <FileTextOutlined />,
    capability: 'read',
    group: '年度工作',
    load: () => import('../features/report/report-page.js'),
  },
  {
    path: '/inspect',
    title: '报告检查',
    icon: <FileSearchOutlined />,
    capability: 'inspect',
    group: '检查与监督',
    load: () => import('../features/inspector/inspector-page.js'),
  },
  {
    path: '/oversight',
    title: '监督概览',
    icon: <BarChartOutlined />,
    capability: 'oversee',
    group: '检查与监督',
    corpus: true,
    load: () => import('../features/oversight/oversight-page.js'),
  },
  {
    path: '/oversight/compare',
    title: '报告对比',
    icon: <DiffOutlined />,
    capability: 'oversee',
    group: '检查与监督',
    corpus: true,
    load: () => import('../features/oversight/compare-page.js'),
  },
  {
    path: '/oversight/checks',
    title: '跨报告核查',
    icon: <ClusterOutlined />,
    capability: 'oversee',
    group: '检查与监督',
    corpus: true,
    load: () => import('../features/oversight/checks-page.js'),
  },
  {
    path: '/oversight/publication',
    title: '发布情况',
    icon: <ScheduleOutlined />,
    capability: 'oversee',
    group: '检查与监督',
    corpus: true,
    load: () => import('../features/oversight/publication-page.js'),
  },
  {
    path: '/oversight/corrections',
    title: '整改情况',
    icon: <CheckCircleOutlined />,
    capability: 'oversee',
    group: '检查与监督',
    corpus: true,
    load: () => import('../features/oversight/corrections-page.js'),
  },
  {
    path: '/oversight/score',
    title: '评分',
    icon: <TrophyOutlined />,
    capability: 'oversee',
    group: '检查与监督',
    corpus: true,
    load: () => import('../features/oversight/score-page.js'),
  },
  {
    path: '/oversight/stats',
    title: '统计对比',
    icon: <PieChartOutlined />,
    capability: 'oversee',
    group: '检查与监督',
    corpus: true,
    load: () => import('../features/oversight/stats-page.js'),
  },
  {
    path: '/oversight/bodies',
    title: '机关',
    icon: <ApartmentOutlined />,
    capability: 'curate',
    group: '检查与监督',
    corpus: true,
    load: () => import('../features/oversight/bodies-page.js'),
  },
  {
    path: '/oversight/bodies/:bodyId',
    title: '机关档案',
    // Read only (the list it details corrects bodies, hence curate there).
    capability: 'oversee',
    group: '检查与监督',
    menu: false,
    parent: '/oversight/bodies',
    corpus: true,
    load: () => import('../features/oversight/body-page.js'),
  },
  {
    path: '/users',
    title: '用户管理',
    icon: <TeamOutlined />,
    capability: 'manage',
    group: '系统管理',
    load: () => import('../features/users/users-page.js'),
  },
  {
    path: '/audit',
    title: '操作记录',
    icon: <HistoryOutlined />,
    capability: 'manage',
    group: '系统管理',
    load: () => import('../features/users/audit-page.js'),
  },
];

/** The page a path belongs to (for the title and the selected menu item). */
export function pageOf(pathname: string): PageRoute | undefined {
  const match = (p: PageRoute) => {
    const re = new RegExp(`^${p.path.replace(/:[A-Za-z]+/g, '[^/]+')}/?$`);
    return re.test(pathname);
  };
  return pages.find((p) => !p.path.includes(':') && match(p)) ?? pages.find(match);
}
