/** 申请登记: the applications as a table with status badges, filters and search, all in the URL. */
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Empty, Input, Select, Space, Table, type TableColumnsType, Typography } from 'antd';
import { Link } from 'react-router';
import { z } from 'zod';
import type { Application } from '../../../../src/api/contract/responses.js';
import { applicantTypes } from '../../../../src/workflow/applicant.js';
import { can } from '../../app/access.js';
import { AgencySelect, useAgency } from '../../components/agency-select.js';
import { ExportButtons } from '../../components/export-buttons.js';
import { LoadError } from '../../components/query-state.js';
import { applicantNameOf, channelNameOf, channelNames } from '../../lib/names.js';
import { useMe } from '../../lib/session.js';
import { useServerToday, yearsAround } from '../../lib/today.js';
import { useUrlState } from '../../lib/url-state.js';
import { applicationsQuery, ledgerUrl } from './api.js';
import { LedgerImportButton } from './ledger-import.js';
import { type BadgeKind, badgeOf, badges, workingDaysLeft } from './status.js';
import { StatusTag } from './status-tag.js';

export const applicationsUrl = z.object({
  q: z.string().default(''),
  status: z.enum(Object.keys(badges) as [BadgeKind, ...BadgeKind[]]).optional(),
  applicant: z.enum(applicantTypes).optional(),
  channel: z.string().optional(),
  year: z.coerce.number().int().min(2008).max(2099).optional(),
  page: z.coerce.number().int().min(1).default(1),
  agency: z.string().optional(),
});

export function matches(app: Application, f: z.output<typeof applicationsUrl>): boolean {
  if (f.status && badgeOf(app.state, app.events) !== f.status) return false;
  if (f.applicant && app.applicant !== f.applicant) return false;
  if (f.channel && app.channel !== f.channel) return false;
  const q = f.q.trim();
  if (q && !app.number.includes(q) && !app.requestText.includes(q) && !app.applicantName.includes(q))
    return false;
  return true;
}

export default function ApplicationsPage() {
  const me = useMe();
  const { agencyId } = useAgency();
  const [filters, update] = useUrlState(applicationsUrl);
  const today = useServerToday();
  const list = useQuery({
    ...applicationsQuery({ agency: agencyId, ...(filters.year ? { year: filters.year } : {}) }),
    enabled: agencyId !== undefined,
  });
  const rows = (list.data ?? []).filter((a) => matches(a, filters));

  const columns: TableColumnsType<Application> = [
    {
      title: '编号',
      dataIndex: 'number',
      width: 150,
      render: (number: string, a) => <Link to={`/applications/${encodeURIComponent(a.id)}`}>{number}</Link>,
    },
    {
      title: '收到日期',
      dataIndex: 'receivedOn',
      width: 110,
      sorter: (a, b) => (a.receivedOn ?? '').localeCompare(b.receivedOn ?? ''),
    },
    {
      title: '申请人',
      key: 'applicant',
      width: 140,
      ellipsis: true,
      // The name where it was recorded, with the kind the report counts it under.
      render: (_, a) =>
        a.applicantName
          ? `${a.applicantName}（${applicantNameOf(a.applicant)}）`
          : applicantNameOf(a.applicant),
    },
    { title: '渠道', dataIndex: 'channel', width: 130, render: channelNameOf },
    { title: '申请内容', dataIndex: 'requestText', ellipsis: true },
    {
      title: '状态',
      key: 'status',
      width: 130,
      render: (_, a) => <StatusTag state={a.state} events={a.events} />,
    },
    {
      title: '答复期限',
      key: 'dueOn',
      width: 110,
      sorter: (a, b) => (a.state.dueOn ?? '9').localeCompare(b.state.dueOn ?? '9'),
      render: (_, a) => a.state.dueOn ?? '—',
    },
    {
      title: '剩余工作日',
      key: 'left',
      width: 100,
      align: 'right',
      render: (_, a) => {
        if (a.state.closedOn) return '—';
        const left = workingDaysLeft(a.state);
        if (left === null) return '—';
        return left < 0 ? <Typography.Text type="danger">超期 {-left}</Typography.Text> : left;
      },
    },
  ];

  return (
    <div className="gk-panel">
      <Space wrap style={{ marginBottom: 12 }}>
        <AgencySelect />
        <Input.Search
          aria-label="搜索编号、申请人或申请内容"
          placeholder="搜索编号、申请人或申请内容"
          allowClear
          defaultValue={filters.q}
          onSearch={(q) => update({ q, page: 1 })}
          style={{ width: 280 }}
        />
        <Select
          aria-label="状态"
          placeholder="状态"
          allowClear
          style={{ width: 140 }}
          value={filters.status}
          onChange={(status) => update({ status, page: 1 })}
          options={Object.entries(badges)
            .filter(([k]) => k !== 'unknown')
            .map(([value, b]) => ({ value, label: b.text }))}
        />
        <Select
          aria-label="申请人类型"
          placeholder="申请人类型"
          allowClear
          style={{ width: 150 }}
          value={filters.applicant}
          onChange={(applicant) => update({ applicant, page: 1 })}
          options={applicantTypes.map((t) => ({ value: t, label: applicantNameOf(t) }))}
        />
        <Select
          aria-label="渠道"
          placeholder="渠道"
          allowClear
          style={{ width: 170 }}
          value={filters.channel}
          onChange={(channel) => update({ channel, page: 1 })}
          options={Object.entries(channelNames).map(([value, label]) => ({ value, label }))}
        />
        <Select
          aria-label="年度"
          placeholder="年度"
          allowClear
          style={{ width: 110 }}
          value={filters.year}
          onChange={(year) => update({ year, page: 1 })}
          options={yearsAround(Number((today ?? '2024').slice(0, 4))).map((y) => ({
            value: y,
            label: `${y}年`,
          }))}
        />
        <ExportButtons
          href={(to) => ledgerUrl({ agency: agencyId, ...(filters.year ? { year: filters.year } : {}) }, to)}
          disabled={agencyId === undefined || rows.length === 0}
        />
        {can(me.data?.user.role, 'enter') && <LedgerImportButton agencyId={agencyId} />}
        {can(me.data?.user.role, 'enter') && (
          <Link to="/applications/new">
            <Button type="primary" icon={<PlusOutlined />}>
              登记新申请
            </Button>
          </Link>
        )}
      </Space>
      {list.error ? (
        <LoadError error={list.error} retry={() => list.refetch()} />
      ) : (
        <Table<Application>
          size="small"
          rowKey="id"
          loading={list.isPending}
          columns={columns}
          dataSource={rows}
          locale={{ emptyText: <Empty description="没有符合条件的申请" /> }}
          pagination={{
            current: filters.page,
            pageSize: 20,
            showTotal: (total) => `共 ${total} 件`,
            onChange: (page) => update({ page }),
            showSizeChanger: false,
          }}
        />
      )}
    </div>
  );
}
