/**
 * 到期提醒: overdue and due-soon applications, those whose deadline can't be worked out (a year's
 * holiday arrangement missing, or an impossible record), and a calendar of the open applications'
 * deadlines.
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, Badge, Calendar, Col, Empty, List, Row, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import type { Application, DueItem } from '../../../../src/api/contract/responses.js';
import { AgencySelect, useAgency } from '../../components/agency-select.js';
import { QueryView } from '../../components/query-state.js';
import { yearsAround } from '../../lib/today.js';
import { applicationsQuery, dueQuery } from './api.js';
import { badgeOf, badges, dueSoonDays, workingDaysLeft } from './status.js';

/** Open applications by due date. */
export function byDueDate(apps: readonly Application[]): Map<string, Application[]> {
  const out = new Map<string, Application[]>();
  for (const a of apps) {
    if (a.state.closedOn || !a.state.dueOn) continue;
    const list = out.get(a.state.dueOn) ?? [];
    list.push(a);
    out.set(a.state.dueOn, list);
  }
  return out;
}

function DueList({ title, items, type }: { title: string; items: DueItem[]; type: 'danger' | 'warning' }) {
  return (
    <div className="gk-panel">
      <Typography.Title level={2} style={{ fontSize: 16 }}>
        <Typography.Text type={type}>
          {title}（{items.length}）
        </Typography.Text>
      </Typography.Title>
      <List
        size="small"
        dataSource={items}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="无" /> }}
        renderItem={(d) => {
          const left = workingDaysLeft(d.state);
          return (
            <List.Item>
              <span>
                <Link to={`/applications/${encodeURIComponent(d.id)}`}>{d.number}</Link>
                {d.applicantName && <Typography.Text type="secondary"> {d.applicantName}</Typography.Text>}
              </span>
              <span>
                期限 {d.state.dueOn ?? '—'}
                {left !== null && (left < 0 ? `，超期 ${-left} 个工作日` : `，剩余 ${left} 个工作日`)}
              </span>
            </List.Item>
          );
        }}
      />
    </div>
  );
}

/**
 * Open applications without a deadline the server could work out, listed with the reason: any of
 * them may be overdue. A missing year of holidays says who can enter it, and where.
 */
function UnknownList({ items }: { items: readonly DueItem[] }) {
  if (items.length === 0) return null;
  const missing = [...new Set(items.flatMap((d) => d.state.missingHolidayYear ?? []))].sort((a, b) => a - b);
  return (
    <section className="gk-panel" aria-label="无法计算期限的申请">
      <Alert
        type="warning"
        showIcon
        title={`${items.length} 件申请无法计算答复期限（其中可能有已超期的）`}
        description={
          missing.length > 0
            ? missing.map((year) => (
                <div key={year}>
                  缺少 {year} 年节假日安排：国务院办公厅的通知发布后，由管理员在「
                  <Link to="/holidays" className="gk-text-link">
                    节假日安排
                  </Link>
                  」中录入
                </div>
              ))
            : undefined
        }
      />
      <List
        size="small"
        dataSource={[...items]}
        renderItem={(d) => (
          <List.Item>
            <Link to={`/applications/${encodeURIComponent(d.id)}`}>{d.number}</Link>
            <span>
              收到 {d.receivedOn ?? '—'}；{d.state.statusName}
            </span>
          </List.Item>
        )}
      />
    </section>
  );
}

export default function DuePage() {
  const { agencyId } = useAgency();
  const due = useQuery({
    ...dueQuery({ agency: agencyId, days: dueSoonDays }),
    enabled: agencyId !== undefined,
  });
  const apps = useQuery({ ...applicationsQuery({ agency: agencyId }), enabled: agencyId !== undefined });
  const days = byDueDate(apps.data ?? []);

  const cell = (date: Dayjs) => {
    const list = days.get(date.format('YYYY-MM-DD'));
    if (!list) return null;
    return (
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {list.map((a) => {
          const badge = badges[badgeOf(a.state, a.events)];
          const status =
            badge === badges.overdue ? 'error' : badge === badges.dueSoon ? 'warning' : 'processing';
          return (
            <li key={a.id}>
              <Link to={`/applications/${encodeURIComponent(a.id)}`}>
                <Badge status={status} text={a.number} />
              </Link>
            </li>
          );
        })}
      </ul>
    );
  };

  return (
    <>
      <div style={{ marginBottom: 12 }}>
        <AgencySelect />
      </div>
      <QueryView query={due}>
        {(d) => (
          <>
            <UnknownList items={d.unknown} />
            <Row gutter={12}>
              <Col span={12}>
                <DueList title="已超期" items={d.overdue} type="danger" />
              </Col>
              <Col span={12}>
                <DueList title={`${dueSoonDays}个工作日内到期`} items={d.dueSoon} type="warning" />
              </Col>
            </Row>
          </>
        )}
      </QueryView>
      <div className="gk-panel">
        <Typography.Title level={2} style={{ fontSize: 16 }}>
          答复期限日历
        </Typography.Title>
        <QueryView query={apps}>
          {() => (
            <Calendar
              defaultValue={dayjs(due.data?.asOf)}
              headerRender={({ value, onChange }) => (
                <Space style={{ marginBottom: 8 }}>
                  <Select
                    aria-label="年"
                    value={value.year()}
                    style={{ width: 100 }}
                    onChange={(y: number) => onChange(value.year(y))}
                    options={yearsAround(value.year()).map((y) => ({ value: y, label: `${y}年` }))}
                  />
                  <Select
                    aria-label="月"
                    value={value.month()}
                    style={{ width: 90 }}
                    onChange={(m: number) => onChange(value.month(m))}
                    options={Array.from({ length: 12 }, (_, m) => ({ value: m, label: `${m + 1}月` }))}
                  />
                </Space>
              )}
              cellRender={(date, info) => (info.type === 'date' ? cell(date) : null)}
            />
          )}
        </QueryView>
      </div>
    </>
  );
}
