/**
 * 监督概览: the corpus of published reports: a notice of last year's publication (how many bodies are
 * past the deadline without their report, linking 发布情况), charts from the stats (on time per year,
 * findings by code, applications and outcomes by region), the table with its filters and keyset pages
 * in the URL, the agency × year matrix, the drill-down of a report, export of the current view and
 * upload of files to ingest.
 */
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  Empty,
  Flex,
  Row,
  Segmented,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router';
import type { CorpusReportRow } from '../../../../src/api/corpus-contract.js';
import type { RegionLevel } from '../../../../src/corpus/region-level.js';
import { can } from '../../app/access.js';
import { ExportButtons } from '../../components/export-buttons.js';
import { LoadError } from '../../components/query-state.js';
import { useMe } from '../../lib/session.js';
import { encode } from '../../lib/url-codec.js';
import { useUrlState } from '../../lib/url-state.js';
import { corpusListQuery, corpusPublicationQuery, corpusStatsQuery, exportUrl } from './api.js';
import { Chart } from './chart.js';
import { applicationsByRegionOption, findingsByCodeOption, onTimeByYearOption } from './chart-options.js';
import { BodyFilters, yearsOf } from './corpus-filters.js';
import { LettersButton } from './letters-button.js';
import { MatrixTable } from './matrix-table.js';
import { kindNames, regionLevelOptions } from './names.js';
import { ProblemCounts } from './problem-counts.js';
import { ProblemSelect } from './problem-select.js';
import { publicationNotice } from './publication.js';
import { ReportDrawer } from './report-drawer.js';
import { UploadPanel } from './upload-panel.js';
import { filterOf, type OversightState, oversightUrl, publicationUrl } from './url.js';

const pageSize = 50;
const yesNo = [
  { value: 'true', label: '是' },
  { value: 'false', label: '否' },
];

export default function OversightPage() {
  const me = useMe();
  const [state, update] = useUrlState(oversightUrl);
  const filter = filterOf(state);
  const after = state.after.at(-1);
  const list = useQuery(corpusListQuery({ ...filter, limit: pageSize, ...(after ? { after } : {}) }));
  const { year: _y, ...withoutYear } = filter;
  const { region: _r, ...withoutRegion } = filter;
  const byYear = useQuery(corpusStatsQuery({ ...withoutYear, by: 'year' }));
  const byRegion = useQuery(corpusStatsQuery({ ...withoutRegion, by: 'region' }));
  // 发布情况 of the server's default year (the year before its today) over the same bodies: the
  // report filters and the year filter choose reports, not bodies.
  const bodyFilter = {
    ...(state.region ? { region: state.region } : {}),
    ...(state.kind ? { kind: state.kind } : {}),
    ...(state.agency ? { agency: state.agency } : {}),
  };
  // Only the bodies without a report are listed (the matrix marks them); the counts are all.
  const publicationQuery = useQuery(corpusPublicationQuery({ ...bodyFilter, status: 'overdue,pending' }));
  // Not the previous filters' answer while the new one loads.
  const publication = publicationQuery.isPlaceholderData ? undefined : publicationQuery.data;
  const notice = publication && publicationNotice(publication);

  // The chart by region sums regions up at the level chosen, else where the bodies' places differ
  // (发布情况's level over the same bodies: by province for a national corpus); by county it is the
  // filter's own list of regions.
  const level = state.level ?? publication?.level ?? (publicationQuery.isError ? 'county' : undefined);
  const byLevel = useQuery({
    ...corpusStatsQuery({ ...withoutRegion, by: level === 'county' ? 'region' : level }),
    enabled: level !== undefined && level !== 'county',
  });
  const levelStats = level === 'county' ? byRegion : byLevel;

  const years = useMemo(() => yearsOf(byYear.data?.rows), [byYear.data]);
  const yearOption = useMemo(() => onTimeByYearOption(byYear.data?.rows ?? []), [byYear.data]);
  const findingsOption = useMemo(() => findingsByCodeOption(byRegion.data?.findings ?? []), [byRegion.data]);
  const regionOption = useMemo(
    // (The switch above the chart says the level: the title stays short of the axis name.)
    () => applicationsByRegionOption(levelStats.data?.rows ?? []),
    [levelStats.data],
  );

  // Empty once the stats have come and hold nothing in view (not while they load).
  const charts = [
    { option: yearOption, label: '各年度报告按时发布情况', empty: byYear.data?.rows.length === 0 },
    { option: findingsOption, label: '各类问题出现次数', empty: byRegion.data?.findings.length === 0 },
    {
      option: regionOption,
      label: '各地区申请与办理结果',
      empty: levelStats.data?.rows.length === 0,
      tools: level && (
        <Flex justify="flex-end" style={{ marginBottom: 8 }}>
          <Segmented<RegionLevel>
            size="small"
            aria-label="各地区申请与办理结果的汇总层级"
            options={regionLevelOptions}
            value={level}
            onChange={(l) => update({ level: l })}
          />
        </Flex>
      ),
    },
  ];

  /** A filter change starts again at the first page. */
  const refine = (patch: Partial<OversightState>) => update({ ...patch, after: [] });
  const linkTo = (report: number) => ({ search: encode(oversightUrl, { ...state, report }).toString() });

  const columns: TableColumnsType<CorpusReportRow> = [
    {
      title: '机关',
      dataIndex: 'agency',
      render: (agency: string | null, r) => <Link to={linkTo(r.id)}>{agency ?? r.file}</Link>,
    },
    { title: '地区', dataIndex: 'region', width: 120, render: (v: string) => v || '—' },
    {
      title: '类型',
      dataIndex: 'kind',
      width: 90,
      render: (k: CorpusReportRow['kind']) => (k ? kindNames[k] : '—'),
    },
    {
      // A body's year may have several versions (a file replaced after publication): each is a row,
      // the later ones marked, so that two rows alike are not taken for a duplicate.
      title: '年度',
      dataIndex: 'year',
      width: 120,
      render: (y: number | null, r) => (
        <span>
          {y ?? '—'}
          {r.version > 1 && (
            <Tag style={{ marginInlineStart: 6 }} title="同一机关同一年度的另一份文件（较早的版本仍保留）">
              第{r.version}版
            </Tag>
          )}
        </span>
      ),
    },
    { title: '格式', dataIndex: 'format', width: 80, render: (f: string) => `${f} 年版` },
    {
      title: '错误 / 警告',
      key: 'findings',
      width: 130,
      align: 'right',
      render: (_, r) => <ProblemCounts report={r} />,
    },
    {
      title: '逾期',
      dataIndex: 'late',
      width: 70,
      render: (late: boolean) => (late ? <Tag color="red">逾期</Tag> : '否'),
    },
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <div className="gk-panel">
        <Space wrap>
          <BodyFilters value={state} onChange={refine} regions={byRegion.data?.rows ?? []} years={years} />
          <Select
            aria-label="格式"
            placeholder="格式"
            allowClear
            style={{ width: 120 }}
            value={state.format}
            onChange={(format) => refine({ format })}
            options={[
              { value: '2019', label: '2019 年版' },
              { value: '2021', label: '2021 年版' },
            ]}
          />
          <Select
            aria-label="是否逾期"
            placeholder="是否逾期"
            allowClear
            style={{ width: 120 }}
            value={state.late}
            onChange={(late) => refine({ late })}
            options={yesNo}
          />
          <Select
            aria-label="是否有错误"
            placeholder="是否有错误"
            allowClear
            style={{ width: 130 }}
            value={state.hasErrors}
            onChange={(hasErrors) => refine({ hasErrors })}
            options={yesNo}
          />
          <ProblemSelect value={state.problem} onChange={(problem) => refine({ problem })} />
          <Checkbox
            checked={state.latest === 'true'}
            onChange={(e) => refine({ latest: e.target.checked ? 'true' : undefined })}
            title="同一机关同一年度有多个版本时只列最新的一份（统计、评分、发布情况都按最新版本计）"
          >
            只看最新版本
          </Checkbox>
          <ExportButtons href={(to) => exportUrl(filter, to)} />
          <LettersButton filter={filter} disabled={!list.data?.rows.length} />
        </Space>
      </div>

      {notice && (
        <Alert
          type={notice.type}
          showIcon
          role="status"
          title={notice.text}
          action={
            <Link
              to={{
                pathname: '/oversight/publication',
                search: encode(publicationUrl, bodyFilter).toString(),
              }}
            >
              查看发布情况
            </Link>
          }
        />
      )}

      <Row gutter={[16, 16]}>
        {charts.map((c) => (
          <Col xs={24} xl={8} key={c.label}>
            <Card size="small">
              {'tools' in c && c.tools}
              {/* (Shorter under its switch: the cards of a row stay one height.) */}
              <Chart option={c.option} label={c.label} empty={c.empty} height={'tools' in c ? 288 : 320} />
            </Card>
          </Col>
        ))}
      </Row>

      <section className="gk-panel" aria-label="报告列表">
        {list.error ? (
          <LoadError error={list.error} retry={() => list.refetch()} />
        ) : (
          <>
            <Table<CorpusReportRow>
              size="small"
              rowKey="id"
              loading={list.isPending || list.isPlaceholderData}
              columns={columns}
              dataSource={list.data?.rows ?? []}
              locale={{ emptyText: <Empty description="没有符合条件的报告" /> }}
              pagination={false}
            />
            <Space style={{ marginTop: 12 }}>
              <Typography.Text>共 {list.data?.total ?? 0} 份报告</Typography.Text>
              <Button disabled={state.after.length === 0} onClick={() => update({ after: [] })}>
                第一页
              </Button>
              <Button
                disabled={state.after.length === 0}
                onClick={() => update({ after: state.after.slice(0, -1) })}
              >
                上一页
              </Button>
              <Button
                disabled={!list.data?.next}
                onClick={() => list.data?.next && update({ after: [...state.after, list.data.next] })}
              >
                下一页
              </Button>
            </Space>
          </>
        )}
      </section>

      <Card size="small" title="机关 × 年度" role="region" aria-label="机关 × 年度">
        <MatrixTable
          filter={filter}
          years={years}
          publication={publication}
          onPick={(agency, year) => {
            refine({ agency, year });
            window.scrollTo({ top: 0 });
          }}
        />
      </Card>

      {can(me.data?.user.role, 'ingest') && (
        <Card size="small" title="导入报告">
          <UploadPanel />
        </Card>
      )}

      <ReportDrawer reportId={state.report} onClose={() => update({ report: undefined })} />
    </Space>
  );
}
