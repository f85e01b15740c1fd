/**
 * 操作记录 (admin): the audit log of the agency, newest first — who did what to which record,
 * when, and what it changed (each changed field before and after). Filters by record type,
 * operation, user and days, kept in the URL; more entries load at the foot of the list.
 */
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import {
  Button,
  DatePicker,
  Empty,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { z } from 'zod';
import type { AuditEntry } from '../../../../src/api/contract/responses.js';
import {
  auditActionNames,
  auditActor,
  auditChangeSummary,
  auditEntityNames,
  auditFieldName,
  auditFields,
  auditTime,
} from '../../../../src/store/audit-names.js';
import { roleNames } from '../../../../src/store/schema.js';
import { LoadError, Loading } from '../../components/query-state.js';
import { call } from '../../lib/api.js';
import * as api from '../../lib/endpoints.js';
import { useUrlState } from '../../lib/url-state.js';

export const auditUrl = z.object({
  entity: z.string().optional(),
  action: z.string().optional(),
  user: z.string().optional(),
  from: z.string().optional(),
  to: z.string().optional(),
});

const pageSize = 50;

const timestamp = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/;

/**
 * A field's value as a cell shows it: a timestamp in China's time, a role by its name, other text
 * as it is, anything else as JSON; nothing as 「—」.
 */
function shown(key: string, value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  if (typeof value !== 'string') return JSON.stringify(value);
  if (timestamp.test(value)) return auditTime(value);
  if (key === 'role') return roleNames[value as keyof typeof roleNames] ?? value;
  return value;
}

function Changes({ entry }: { entry: AuditEntry }) {
  const fields = auditFields(entry.before, entry.after);
  if (fields.length === 0) return <Typography.Text type="secondary">没有改动的字段</Typography.Text>;
  return (
    <Table
      size="small"
      rowKey="key"
      pagination={false}
      dataSource={fields}
      columns={[
        {
          title: '字段',
          dataIndex: 'key',
          width: 160,
          render: (k: string) => auditFieldName(k, entry.entity),
        },
        {
          title: '操作前',
          dataIndex: 'before',
          render: (v: unknown, f: { key: string }) => (
            <span className="gk-audit-value">{shown(f.key, v)}</span>
          ),
        },
        {
          title: '操作后',
          dataIndex: 'after',
          render: (v: unknown, f: { key: string }) => (
            <span className="gk-audit-value">{shown(f.key, v)}</span>
          ),
        },
      ]}
    />
  );
}

const options = (names: Readonly<Record<string, string>>) => {
  // Several codes share a name (修改): one option each, named by its code where names repeat.
  const count = new Map<string, number>();
  for (const name of Object.values(names)) count.set(name, (count.get(name) ?? 0) + 1);
  return Object.entries(names).map(([value, label]) => ({
    value,
    label: (count.get(label) ?? 0) > 1 ? `${label}（${value}）` : label,
  }));
};

export default function AuditPage() {
  const [filters, update] = useUrlState(auditUrl);
  const users = useQuery({ queryKey: ['users'], queryFn: () => call(api.listUsers, {}) });
  const log = useInfiniteQuery({
    queryKey: ['audit', filters],
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam }) =>
      call(api.listAudit, {
        query: {
          ...filters,
          limit: pageSize,
          ...(pageParam !== undefined ? { before: pageParam } : {}),
        } as never,
      }),
    getNextPageParam: (last) => last.next ?? undefined,
  });
  const entries = log.data?.pages.flatMap((p) => p.entries) ?? [];
  const columns: TableColumnsType<AuditEntry> = [
    { title: '时间', dataIndex: 'at', width: 180, render: (at: string) => auditTime(at) },
    { title: '用户', key: 'user', width: 140, render: (_, e) => auditActor(e) },
    {
      title: '操作',
      dataIndex: 'actionName',
      width: 150,
      render: (name: string, e) => (
        <Tag color={e.action === 'login-failed' || e.action === 'lockout' ? 'red' : undefined}>{name}</Tag>
      ),
    },
    { title: '对象', dataIndex: 'entityName', width: 160 },
    {
      title: '记录',
      dataIndex: 'label',
      width: 220,
      // An application opens its page (申请详情), unless it was deleted since.
      render: (label: string, e) =>
        e.entity === 'application' && e.action !== 'delete' ? (
          <Link to={`/applications/${encodeURIComponent(e.entityId)}`}>{label}</Link>
        ) : (
          label
        ),
    },
    {
      title: '改动',
      key: 'changed',
      render: (_, e) => auditChangeSummary(e),
    },
  ];
  const range =
    filters.from || filters.to
      ? ([filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null] as const)
      : null;
  return (
    <div className="gk-panel">
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label="对象"
          placeholder="对象"
          allowClear
          style={{ width: 200 }}
          value={filters.entity}
          options={options(auditEntityNames)}
          onChange={(entity) => update({ entity })}
        />
        <Select
          aria-label="操作"
          placeholder="操作"
          allowClear
          style={{ width: 200 }}
          value={filters.action}
          options={options(auditActionNames)}
          onChange={(action) => update({ action })}
        />
        <Select
          aria-label="用户"
          placeholder="用户"
          allowClear
          showSearch
          optionFilterProp="label"
          style={{ width: 200 }}
          value={filters.user}
          options={(users.data ?? []).map((u) => ({
            value: u.id,
            label: `${u.displayName}（${u.username}）`,
          }))}
          onChange={(user) => update({ user })}
        />
        <DatePicker.RangePicker
          aria-label="日期"
          allowEmpty={[true, true]}
          value={range as never}
          onChange={(days) =>
            update({
              from: days?.[0]?.format('YYYY-MM-DD') ?? undefined,
              to: days?.[1]?.format('YYYY-MM-DD') ?? undefined,
            })
          }
        />
      </Space>
      {log.isPending ? (
        <Loading />
      ) : log.isError ? (
        <LoadError error={log.error} retry={() => log.refetch()} />
      ) : (
        <>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={entries}
            columns={columns}
            expandable={{ expandedRowRender: (e) => <Changes entry={e} /> }}
            locale={{ emptyText: <Empty description="没有符合条件的操作记录" /> }}
          />
          <div style={{ marginTop: 12, textAlign: 'center' }}>
            {log.hasNextPage ? (
              <Button onClick={() => log.fetchNextPage()} loading={log.isFetchingNextPage}>
                加载更多
              </Button>
            ) : (
              entries.length > 0 && (
                <Typography.Text type="secondary">共 {entries.length} 条，已全部列出</Typography.Text>
              )
            )}
          </div>
        </>
      )}
    </div>
  );
}
