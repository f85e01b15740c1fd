/**
 * 首页: for a supervisor first the last year's 发布情况 and the corpus in their scope
 * (oversight-summary.tsx); for those who keep the register, overdue and due-soon counts (and a
 * warning when some applications can't be dated) and the next report's deadline; then the way into
 * the day's work, the pages the role may open.
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Row, Space, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { bodyKindNames } from '../../../../src/corpus/bodies/names.js';
import { can } from '../../app/access.js';
import { pages } from '../../app/route-table.js';
import { useAgency } from '../../components/agency-select.js';
import { QueryView } from '../../components/query-state.js';
import { reportDeadline } from '../../lib/report-deadline.js';
import { useMe } from '../../lib/session.js';
import { applicationsQuery, dueQuery } from '../register/api.js';
import { dueSoonDays } from '../register/status.js';
import { AgencySummary } from './agency-summary.js';
import { OversightSummary } from './oversight-summary.js';

/** The pages 常用功能 offers, those of them the role may open. */
const commonPaths = [
  '/applications/new',
  '/applications',
  '/due',
  '/report',
  '/inspect',
  '/oversight',
  '/oversight/publication',
  '/oversight/stats',
  '/oversight/checks',
  '/oversight/bodies',
];

export default function HomePage() {
  const me = useMe();
  const { agencyId, agencies } = useAgency();
  const role = me.data?.user.role;
  // A supervisor of several agencies sees the applications of them all (the API's scope without an
  // agency); a user of one agency, that agency's.
  const acrossAgencies = me.data?.user.agencyId == null && agencies.length > 1;
  const scope = acrossAgencies ? undefined : agencyId;
  const due = useQuery({
    ...dueQuery({ agency: scope, days: dueSoonDays }),
    enabled: agencyId !== undefined && can(role, 'read'),
  });
  const apps = useQuery({ ...applicationsQuery({ agency: scope }), enabled: agencyId !== undefined });
  const open = (apps.data ?? []).filter((a) => !a.state.closedOn).length;
  const agencyName = agencies.find((a) => a.id === agencyId)?.name;

  const register: ReactNode = !can(role, 'read') ? null : agencyId === undefined ? (
    <div className="gk-panel">当前账号尚未关联机关。</div>
  ) : (
    <QueryView query={due}>
      {(d) => (
        <Row gutter={[12, 12]}>
          {d.unknown.length > 0 && (
            <Col span={24}>
              <Alert
                type="warning"
                showIcon
                title={
                  <span>
                    {d.unknown.length} 件申请无法计算答复期限
                    {missingYears(d.unknown)}，其中可能有已超期的。{' '}
                    <Link to="/due" className="gk-text-link">
                      查看到期提醒
                    </Link>
                  </span>
                }
              />
            </Col>
          )}
          {acrossAgencies && (
            <Col span={24}>
              <Typography.Text type="secondary">
                所监督的 {agencies.length}{' '}
                个机关的依申请公开办理情况（各机关的申请见申请登记、到期提醒，可按机关选择）
              </Typography.Text>
            </Col>
          )}
          <Col span={6}>
            <Card>
              <Link to="/due">
                <Statistic
                  title="已超期"
                  value={d.overdue.length}
                  suffix="件"
                  styles={{ content: { color: '#cf1322' } }}
                />
              </Link>
            </Card>
          </Col>
          <Col span={6}>
            <Card>
              <Link to="/due">
                <Statistic
                  title={`${dueSoonDays}个工作日内到期`}
                  value={d.dueSoon.length}
                  suffix="件"
                  styles={{ content: { color: '#d46b08' } }}
                />
              </Link>
            </Card>
          </Col>
          <Col span={6}>
            <Card>
              <Link to="/applications">
                <Statistic title="办理中" value={apps.isPending ? '—' : open} suffix="件" />
              </Link>
            </Card>
          </Col>
          <Col span={6}>
            <Card>
              <Statistic title="统计日期" value={d.asOf} />
            </Card>
          </Col>
          {acrossAgencies && (
            <Col span={24}>
              <div className="gk-panel" style={{ marginBottom: 0 }}>
                <Typography.Title level={2} style={{ fontSize: 16, marginTop: 0 }}>
                  各机关办理情况
                </Typography.Title>
                <AgencySummary days={dueSoonDays} />
              </div>
            </Col>
          )}
          {!acrossAgencies && (
            <Col span={24}>
              <ReportDue today={d.asOf} agencyId={agencyId} agencyName={agencyName} />
            </Col>
          )}
        </Row>
      )}
    </QueryView>
  );
  // Supervisors' work is oversight (an evaluator lands on 监督概览: no register); an admin's corpus is
  // the own agency's reports, whose 发布情况 the register's report deadline already says.
  const overseer = role === 'supervisor' || role === 'evaluator';
  const common = commonPaths.flatMap((path) =>
    pages.filter((p) => p.path === path && can(role, p.capability)),
  );

  return (
    <>
      {overseer && <OversightSummary />}
      {register}
      {/* The panels above (the report deadline, the note on a missing agency, the oversight) end with their 12 px margin. */}
      <div className="gk-panel">
        <Typography.Title level={2} style={{ fontSize: 16, marginTop: 0 }}>
          常用功能
        </Typography.Title>
        <Space size="large" wrap>
          {common.map((p) => (
            <Link key={p.path} to={p.path}>
              {p.title}
            </Link>
          ))}
        </Space>
      </div>
    </>
  );
}

/** 「（缺少 2027 年节假日安排）」 when that is why some applications can't be dated. */
function missingYears(items: readonly { state: { missingHolidayYear: number | null } }[]): string {
  const years = [...new Set(items.flatMap((i) => i.state.missingHolidayYear ?? []))].sort((a, b) => a - b);
  return years.length > 0 ? `（缺少 ${years.join('、')} 年节假日安排）` : '';
}

/** The next annual report and its statutory deadline, with the way to it. */
function ReportDue({
  today,
  agencyId,
  agencyName,
}: {
  today: string;
  agencyId: string;
  agencyName: string | undefined;
}) {
  const due = reportDeadline(today, agencyName);
  return (
    <div className="gk-panel">
      <Typography.Text>
        {due.year} 年度政府信息公开工作年度报告应于 <strong>{due.deadline}</strong> 前公布（
        {bodyKindNames[due.kind]}，《条例》第四十九条），
        {due.daysLeft > 0 ? `还有 ${due.daysLeft} 天。` : '今天是最后一天。'}
      </Typography.Text>{' '}
      <Link
        className="gk-text-link"
        to={`/report?${new URLSearchParams({ agency: agencyId, year: String(due.year) })}`}
      >
        生成年度报告
      </Link>
    </div>
  );
}
