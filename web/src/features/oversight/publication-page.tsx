/**
 * 发布情况: for one year (by default the year before the server's today), which bodies of the corpus
 * have published their annual report — on time, late, without a date — and which have not: past the
 * statutory deadline of their kind, or not yet due (src/corpus/publication.ts). The year, the body
 * filters, the status and the page shown live in the URL; the server filters by status and pages,
 * so the browser gets 50 bodies at a time, not the tens of thousands of a national corpus. The
 * regions that lag most come summed up between the counts and the bodies. Each report opens in
 * 监督概览's drawer, each body its profile (机关档案: every year's status).
 */

import { FileWordOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Button,
  Card,
  Col,
  Empty,
  Row,
  Space,
  Statistic,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import { useEffect } from 'react';
import { Link } from 'react-router';
import type { BodyPublication } from '../../../../src/api/corpus-contract.js';
import { publicationStatuses, publicationStatusNames } from '../../../../src/corpus/publication-status.js';
import { can } from '../../app/access.js';
import { DraftButton } from '../../components/draft-button.js';
import { ExportButtons } from '../../components/export-buttons.js';
import { LoadError } from '../../components/query-state.js';
import * as api from '../../lib/endpoints.js';
import { useMe } from '../../lib/session.js';
import { useUrlState } from '../../lib/url-state.js';
import { corpusPublicationQuery, corpusStatsQuery, publicationExportUrl } from './api.js';
import { bodyPath } from './body.js';
import { BodyFilters, yearsOf } from './corpus-filters.js';
import { CountTags } from './count-tags.js';
import { kindNames } from './names.js';
import {
  daysText,
  deadlineText,
  emptyText,
  lastPublicationPage,
  publicationPage,
  publicationPageSize,
  regionSearch,
  statusColors,
  yearChoices,
} from './publication.js';
import { PublicationRegions } from './publication-regions.js';
import { PublicationStatusTag } from './publication-status-tag.js';
import { type PublicationState, publicationUrl, reportInOversight } from './url.js';

const columns: TableColumnsType<BodyPublication> = [
  {
    title: '发布情况',
    dataIndex: 'status',
    width: 96,
    render: (s: BodyPublication['status']) => <PublicationStatusTag status={s} />,
  },
  {
    title: '机关',
    dataIndex: 'name',
    // Its profile: every year's status, not only this one's.
    render: (name: string, b) => <Link to={bodyPath(b.bodyId)}>{name}</Link>,
  },
  { title: '地区', dataIndex: 'region', width: 100, render: (r: string) => r || '—' },
  {
    title: '类型',
    dataIndex: 'kind',
    width: 76,
    render: (k: BodyPublication['kind']) => kindNames[k],
  },
  { title: '期限', dataIndex: 'deadline', width: 96 },
  { title: '发布日期', dataIndex: 'publishedOn', width: 96, render: (d: string | null) => d ?? '—' },
  { title: '落款日期', dataIndex: 'signedOn', width: 96, render: (d: string | null) => d ?? '—' },
  {
    title: '逾期 / 剩余',
    key: 'days',
    width: 96,
    render: (_, b) => (
      <Typography.Text type={b.daysLate !== null ? 'danger' : undefined}>{daysText(b)}</Typography.Text>
    ),
  },
  {
    title: '上一份报告',
    dataIndex: 'lastYear',
    width: 90,
    // No report of the year nor before it: owed by 应发布名录 only, the corpus holds none of it.
    render: (y: number | null, b) => (y !== null ? `${y}年度` : b.reportId === null ? '报告库中没有' : '—'),
  },
  {
    title: '报告',
    dataIndex: 'reportId',
    width: 80,
    render: (id: number | null) => (id === null ? '—' : <Link to={reportInOversight(id)}>查看报告</Link>),
  },
];

export default function PublicationPage() {
  const me = useMe();
  const [state, update] = useUrlState(publicationUrl);
  const { status, page, ...filter } = state;
  // The previous page stays while the next one loads (keepPreviousData), so the table doesn't flash empty.
  const publication = useQuery(corpusPublicationQuery({ ...filter, status, ...publicationPage(page) }));
  const regions = useQuery(corpusStatsQuery({ by: 'region' }));
  const years = useQuery(corpusStatsQuery({ by: 'year' }));
  const data = publication.data;
  // The year the server answered for (its default when the URL names none).
  const year = state.year ?? data?.year;
  // Another scope, year or status lists other bodies: back to its first page. Another region is
  // summed up from where its bodies' places differ.
  const refine = (patch: Partial<PublicationState>) =>
    update({ ...patch, page: undefined, ...('region' in patch ? { level: undefined } : {}) });
  // A page past the end (a URL kept from before the corpus changed): its last page instead, in place
  // of the URL (Back doesn't return to it).
  const last = data && !publication.isPlaceholderData ? lastPublicationPage(data.listed) : undefined;
  useEffect(() => {
    if (page !== undefined && last !== undefined && page > last)
      update({ page: last > 1 ? last : undefined }, { replace: true });
  }, [page, last, update]);

  const cards = [
    { key: 'expected', title: '应发布的机关', value: data?.counts.expected, color: undefined },
    ...publicationStatuses.map((s) => ({
      key: s,
      title: publicationStatusNames[s],
      value: data?.counts[s],
      color: statusColors[s],
    })),
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <div className="gk-panel">
        <Typography.Paragraph type="secondary">
          条例第四十九条：部门在每年 1 月 31 日前、人民政府在每年 3 月 31 日前公布上一年度的年度报告。
          报告库中有某机关该年度或更早年度的报告，或应发布名录自该年度或更早起列有该机关，即视为该机关应发布该年度报告；已撤销的机关自撤销年份起不再计入
          {can(me.data?.user.role, 'curate') ? (
            <>
              （在
              <Link to="/oversight/bodies" className="gk-text-link">
                机关
              </Link>
              中填写）
            </>
          ) : null}
          ；每次打开时按当前报告库和今天的日期计算。
        </Typography.Paragraph>
        <Space wrap>
          <BodyFilters
            value={{ ...filter, year }}
            onChange={refine}
            regions={regions.data?.rows ?? []}
            years={yearChoices(yearsOf(years.data?.rows), data?.year)}
          />
          <ExportButtons
            href={(to) => publicationExportUrl({ ...filter, year }, to)}
            disabled={!data?.counts.expected}
          />
          <Button
            icon={<FileWordOutlined />}
            href={publicationExportUrl({ ...filter, year }, 'docx')}
            title="总体情况、按地区汇总、逾期未发布和逾期发布的机关、报告内容的问题，按 GB/T 9704 排版，改定后印发"
          >
            生成通报（Word）
          </Button>
          <DraftButton
            endpoint={api.corpusReminders}
            input={{
              query: { region: filter.region, kind: filter.kind, agency: filter.agency, year, to: 'docx' },
            }}
            fallbackName="催报提醒.zip"
            what="催报提醒"
            none="没有逾期未发布的机关，未生成催报提醒"
            disabled={!data?.counts.overdue}
            title="逾期未发布该年度报告的机关各一份提醒草稿：期限、逾期天数、最近一份报告的年度，按 GB/T 9704 排版（Word，打包为 ZIP）"
          >
            生成催报提醒
          </DraftButton>
        </Space>
      </div>
      {publication.error ? (
        <LoadError error={publication.error} retry={() => publication.refetch()} />
      ) : (
        <>
          <section aria-label="发布情况汇总">
            <Row gutter={[12, 12]}>
              {cards.map((c) => (
                <Col xs={12} md={8} xl={4} key={c.key}>
                  <Card size="small">
                    <Statistic
                      title={c.title}
                      value={c.value ?? '—'}
                      suffix="个"
                      styles={c.color ? { content: { color: c.color } } : undefined}
                    />
                  </Card>
                </Col>
              ))}
            </Row>
          </section>
          {data && (data.regionCount > 1 || state.level !== undefined) && (
            <PublicationRegions
              regions={data.regions}
              regionCount={data.regionCount}
              level={data.level}
              // Another level sums up the same bodies: the list and its page stay.
              onLevel={(level) => update({ level })}
              search={(region) => regionSearch(state, region)}
            />
          )}
          <section className="gk-panel" aria-label="各机关发布情况">
            {data && <Typography.Paragraph>{deadlineText(data)}</Typography.Paragraph>}
            <CountTags
              label="按发布情况筛选"
              all={data?.counts.expected ?? 0}
              items={publicationStatuses.map((s) => ({
                key: s,
                name: publicationStatusNames[s],
                count: data?.counts[s] ?? 0,
              }))}
              value={status}
              onChange={(s) => refine({ status: s })}
            />
            <Table<BodyPublication>
              size="small"
              rowKey="bodyId"
              loading={publication.isFetching}
              columns={columns}
              dataSource={data?.bodies}
              pagination={{
                current: page ?? 1,
                pageSize: publicationPageSize,
                total: data?.listed ?? 0,
                showSizeChanger: false,
                hideOnSinglePage: true,
                onChange: (p) => update({ page: p > 1 ? p : undefined }),
              }}
              locale={{ emptyText: <Empty description={emptyText(data?.year, status)} /> }}
            />
          </section>
        </>
      )}
    </Space>
  );
}
