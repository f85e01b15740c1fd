/**
 * 机关档案: one body of the corpus (GET /api/corpus/bodies/:bodyId): its kind, region, 撤销年份 and the
 * other names its reports signed with; each year it was expected to publish, newest first, with its
 * status as 发布情况 gives it, its dates, versions and findings, the report (in 监督概览's drawer) and
 * the comparison with the year before; and its main figures by year from the statistics, as a table
 * and a chart of new applications. A merged body's id answers the body it was merged into: the page
 * takes that body's URL in place of the old one. The open report lives in the URL.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Row,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import type { BodyHistoryResponse, CorpusReportRow } from '../../../../src/api/corpus-contract.js';
import { regionName } from '../../../../src/corpus/publication-status.js';
import { can } from '../../app/access.js';
import { LoadError, Loading, QueryView } from '../../components/query-state.js';
import { useMe } from '../../lib/session.js';
import { encode } from '../../lib/url-codec.js';
import { useUrlState } from '../../lib/url-state.js';
import { corpusBodyHistoryQuery, corpusStatsQuery } from './api.js';
import {
  bodyChecksLink,
  bodyCorrectionsLink,
  bodyPath,
  bodyReportsLink,
  comparable,
  compareLink,
  type FigureRow,
  figureTable,
  type HistoryRow,
  historyCaption,
  historyRows,
  otherNames,
} from './body.js';
import { EditBodyDialog, MergeBodyDialog } from './body-dialogs.js';
import { Chart } from './chart.js';
import { applicationsByYearOption } from './chart-options.js';
import { kindNames } from './names.js';
import { ProblemCounts } from './problem-counts.js';
import { daysText } from './publication.js';
import { PublicationStatusTag } from './publication-status-tag.js';
import { ReportDrawer } from './report-drawer.js';
import type { StatsRow } from './stats.js';
import { bodyUrl } from './url.js';

/** This page with a report open in the drawer. */
const reportLink = (report: number) => ({ search: encode(bodyUrl, { report }).toString() });

const dash = (v: string | null | undefined) => v ?? '—';

function findingsText(r: CorpusReportRow) {
  return <ProblemCounts report={r} />;
}

function yearColumns(bodyId: string): TableColumnsType<HistoryRow> {
  return [
    { title: '年度', dataIndex: 'year', width: 80, render: (y: number) => `${y}年度` },
    {
      title: '发布情况',
      dataIndex: 'status',
      width: 96,
      render: (s: HistoryRow['status']) => <PublicationStatusTag status={s} />,
    },
    { title: '期限', dataIndex: 'deadline', width: 100 },
    { title: '发布日期', key: 'publishedOn', width: 100, render: (_, y) => dash(y.report?.publishedOn) },
    { title: '落款日期', key: 'signedOn', width: 100, render: (_, y) => dash(y.report?.signedOn) },
    {
      title: '逾期 / 剩余',
      key: 'days',
      width: 100,
      render: (_, y) => (
        <Typography.Text type={y.daysLate !== null ? 'danger' : undefined}>{daysText(y)}</Typography.Text>
      ),
    },
    {
      title: '版本数',
      dataIndex: 'versions',
      width: 72,
      align: 'right',
      render: (n: number) => (n === 0 ? '—' : n),
    },
    {
      // Of the newest version, the one the year's status and figures are of.
      title: '错误 / 警告',
      key: 'findings',
      width: 96,
      align: 'right',
      render: (_, y) => (y.report ? findingsText(y.report) : '—'),
    },
    {
      title: '操作',
      key: 'actions',
      render: (_, y) =>
        y.report ? (
          <Space size="middle" wrap>
            <Link to={reportLink(y.report.id)}>查看报告</Link>
            {y.previous !== null && (
              <Link to={compareLink(bodyId, { from: y.previous, to: y.year })}>与上一年度对比</Link>
            )}
          </Space>
        ) : (
          '—'
        ),
    },
  ];
}

function BodyHeader({ history }: { history: BodyHistoryResponse }) {
  const b = history.body;
  const others = otherNames(b);
  const me = useMe();
  const curator = can(me.data?.user.role, 'curate');
  const [dialog, setDialog] = useState<'edit' | 'merge' | null>(null);
  return (
    <>
      {dialog === 'edit' && <EditBodyDialog body={b} onClose={() => setDialog(null)} />}
      {dialog === 'merge' && <MergeBodyDialog body={b} onClose={() => setDialog(null)} />}
      <Descriptions
        size="small"
        bordered
        column={2}
        className="gk-panel"
        title={
          <Space wrap size={8}>
            <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
              {b.name}
            </Typography.Title>
            {b.expectedFrom !== null && (
              <Tag title="应发布名录：自该年度起应发布年度报告">{`自 ${b.expectedFrom} 年度应发布`}</Tag>
            )}
            {b.dissolvedIn !== null && <Tag>{`撤销于 ${b.dissolvedIn} 年`}</Tag>}
            {b.corrected && (
              <Tag color="#ad4e00" title="名称、地区、类型或撤销年份经人工修改（在「机关」中）">
                已人工修改
              </Tag>
            )}
          </Space>
        }
        extra={
          <Space size="middle" wrap>
            <Link to={bodyReportsLink(b.id)}>在监督概览中查看</Link>
            <Link to={bodyChecksLink(b.id)}>跨报告核查</Link>
            <Link to={bodyCorrectionsLink(b.id)}>整改情况</Link>
            {comparable(history.years) && <Link to={compareLink(b.id)}>两年对比</Link>}
            <Link to="/oversight/bodies">返回机关列表</Link>
            {curator && (
              <>
                <Button size="small" onClick={() => setDialog('edit')}>
                  修改
                </Button>
                <Button size="small" onClick={() => setDialog('merge')}>
                  合并到…
                </Button>
              </>
            )}
          </Space>
        }
        items={[
          { key: 'kind', label: '类型', children: kindNames[b.kind] },
          { key: 'region', label: '地区', children: regionName(b.region) },
          {
            key: 'names',
            label: '报告署名的其他写法',
            children: others.length > 0 ? others.join('、') : '无',
          },
          { key: 'reports', label: '报告', children: `${b.reports} 份（各版本分别计）` },
        ]}
      />
    </>
  );
}

function YearsCard({ history }: { history: BodyHistoryResponse }) {
  const rows = useMemo(() => historyRows(history.years), [history.years]);
  const columns = useMemo(() => yearColumns(history.body.id), [history.body.id]);
  return (
    <Card size="small" title="各年度发布情况" role="region" aria-label="各年度发布情况">
      <Typography.Paragraph type="secondary">{historyCaption(history)}</Typography.Paragraph>
      <Table<HistoryRow>
        size="small"
        rowKey="year"
        columns={columns}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: <Empty description="报告库中没有该机关注明年度的报告" /> }}
      />
      {history.undated.length > 0 && (
        <section aria-label="读不出年度的报告" style={{ marginTop: 12 }}>
          <Typography.Text type="secondary">
            另有 {history.undated.length} 份报告读不出年度，不在上表中：
          </Typography.Text>
          <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
            {history.undated.map((r) => (
              <li key={r.id}>
                <Space size="middle">
                  <span>
                    {r.file}（第 {r.version} 版，发布日期 {dash(r.publishedOn)}）
                  </span>
                  <Link to={reportLink(r.id)} aria-label={`查看 ${r.file}`}>
                    查看
                  </Link>
                </Space>
              </li>
            ))}
          </ul>
        </section>
      )}
    </Card>
  );
}

function FiguresCard({ rows }: { rows: readonly StatsRow[] }) {
  const table = useMemo(() => figureTable(rows), [rows]);
  const option = useMemo(() => applicationsByYearOption(rows), [rows]);
  const columns: TableColumnsType<FigureRow> = [
    { title: '指标', dataIndex: 'title', width: 120 },
    ...table.years.map((year): TableColumnsType<FigureRow>[number] => ({
      title: `${year}年度`,
      key: year,
      align: 'right',
      render: (_, r) => r.cells[year],
    })),
  ];
  if (table.years.length === 0)
    return <Empty description="报告库中没有该机关注明年度的报告，无可统计的数字" />;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={14}>
        <Table<FigureRow>
          aria-label="各年度主要数字"
          size="small"
          rowKey="key"
          columns={columns}
          dataSource={table.rows}
          pagination={false}
          scroll={{ x: 'max-content' }}
        />
      </Col>
      <Col xs={24} xl={10}>
        <Chart option={option} label="各年度新收申请" height={300} />
      </Col>
    </Row>
  );
}

export default function BodyPage() {
  const { bodyId = '' } = useParams();
  const [state, update] = useUrlState(bodyUrl);
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const history = useQuery(corpusBodyHistoryQuery(bodyId));
  // (Asked at once, beside the history: the id is the body's unless it was merged, and then the
  // page moves to the id that stands and asks again.)
  const stats = useQuery(corpusStatsQuery({ by: 'year', agency: bodyId }));
  const standing = history.data?.body.id;

  // A merged body's id answers the body it was merged into: that body's URL in place of this one
  // (Back doesn't return to it), its answer already in the cache.
  useEffect(() => {
    if (!history.data || standing === undefined || standing === bodyId) return;
    queryClient.setQueryData(corpusBodyHistoryQuery(standing).queryKey, history.data);
    navigate({ pathname: bodyPath(standing), search: location.search }, { replace: true });
  }, [history.data, standing, bodyId, location.search, navigate, queryClient]);

  // Not another body's figures while this one's load (the stats keep the previous answer).
  const figures = stats.isPlaceholderData ? undefined : stats.data;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <QueryView query={history}>
        {(h) =>
          h.body.id !== bodyId ? (
            <Loading />
          ) : (
            <>
              <BodyHeader history={h} />
              <YearsCard history={h} />
              <Card size="small" title="主要数字" role="region" aria-label="主要数字">
                <Typography.Paragraph type="secondary">
                  来自统计：每个年度取最新版本，2019 与 2021 年版按可比指标汇总；没有报告的年度不列。
                </Typography.Paragraph>
                {stats.error ? (
                  <LoadError error={stats.error} retry={() => stats.refetch()} />
                ) : figures ? (
                  <FiguresCard rows={figures.rows} />
                ) : (
                  <Loading />
                )}
              </Card>
            </>
          )
        }
      </QueryView>
      <ReportDrawer reportId={state.report} onClose={() => update({ report: undefined })} />
    </Space>
  );
}
