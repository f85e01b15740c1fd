/**
 * 首页: overdue and due-soon counts (and a warning when some applications can't be dated) and the
 * way into the day's work.
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Row, Space, Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import { bodyKindNames } from '../../../../src/corpus/bodies/names.js';
import { can } from '../../app/access.js';
import { useAgency } from '../../components/agency-select.js';
import { QueryView } from '../../components/query-state.js';
import { reportDeadline } from '../../lib/report-deadline.js';
import { useMe } from '../../lib/session.js';
import { applicationsQuery, dueQuery } from '../register/api.js';
import { dueSoonDays } from '../register/status.js';

export default function HomePage() {
  const me = useMe();
  const { agencyId, agencies } = useAgency();
  const role = me.data?.user.role;
  const due = useQuery({
    ...dueQuery({ agency: agencyId, days: dueSoonDays }),
    enabled: agencyId !== undefined && can(role, 'read'),
  });
  const apps = useQuery({ ...applicationsQuery({ agency: agencyId }), enabled: agencyId !== undefined });
  const open = (apps.data ?? []).filter((a) => !a.state.closedOn).length;
  const agencyName = agencies.find((a) => a.id === agencyId)?.name;

  return (
    <>
      {agencyId === undefined ? (
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
              <Col span={24}>
                <ReportDue today={d.asOf} agencyId={agencyId} agencyName={agencyName} />
              </Col>
            </Row>
          )}
        </QueryView>
      )}
      {/* The panel above (the report deadline, or the note on a missing agency) ends with its 12 px margin. */}
      <div className="gk-panel">
        <Typography.Title level={2} style={{ fontSize: 16, marginTop: 0 }}>
          常用功能
        </Typography.Title>
        <Space size="large" wrap>
          <Link to="/applications/new">登记新申请</Link>
          <Link to="/applications">申请登记</Link>
          <Link to="/due">到期提醒</Link>
          <Link to="/report">年度报告</Link>
          <Link to="/inspect">报告检查</Link>
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
      <Link to={`/report?${new URLSearchParams({ agency: agencyId, year: String(due.year) })}`}>
        生成年度报告
      </Link>
    </div>
  );
}
