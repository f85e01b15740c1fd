/**
 * 整改情况: after the letters (核查意见), which bodies corrected their reports — each body and year
 * whose first version had problems of the checks, its newest version against it (未更正, 新版本未改善,
 * 部分更正, 已更正) and the problems that remain. Filters, the status and the page shown live in the
 * URL; the server filters by status and pages (the counts are of all). A body opens its profile
 * (机关档案), a version its report in 监督概览's drawer.
 */
import { useQuery } from '@tanstack/react-query';
import { Empty, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { z } from 'zod';
import type { correctionsResponse } from '../../../../src/api/corpus-contract.js';
import { findingName } from '../../../../src/core/finding-names.js';
import {
  type CorrectionStatus,
  correctionStatuses,
  correctionStatusNames,
} from '../../../../src/corpus/correction-status.js';
import { ExportButtons } from '../../components/export-buttons.js';
import { useUrlState } from '../../lib/url-state.js';
import { corpusCorrectionsQuery, corpusStatsQuery, correctionsExportUrl } from './api.js';
import { bodyPath } from './body.js';
import { BodyFilters, CorpusQueryError, yearsOf } from './corpus-filters.js';
import { CountTags } from './count-tags.js';
import { type CorrectionsState, correctionsUrl, reportInOversight } from './url.js';

type Correction = z.output<typeof correctionsResponse>['rows'][number];

/** Solid tag colours dark enough for white text (the contrast axe asks for), as 发布情况's. */
const statusColors: Record<CorrectionStatus, string> = {
  unchanged: '#a8071a',
  notImproved: '#ad4e00',
  improved: '#7c5e00',
  corrected: '#237804',
};

/** 「2 / 1」: a version's errors and points to verify (the header says which is which). */
const problems = (p: Correction['first']) => `${p.errors} / ${p.warnings}`;

/** Rows per page: the server pages them (a national corpus over every year has some 100,000). */
const pageSize = 50;

export default function CorrectionsPage() {
  const [state, update] = useUrlState(correctionsUrl);
  const { status, page, ...filter } = state;
  const corrections = useQuery(
    corpusCorrectionsQuery({ ...filter, status, offset: ((page ?? 1) - 1) * pageSize, limit: pageSize }),
  );
  const regions = useQuery(corpusStatsQuery({ by: 'region' }));
  const years = useQuery(corpusStatsQuery({ by: 'year' }));
  const data = corrections.data;
  const total = data ? correctionStatuses.reduce((n, s) => n + data.counts[s], 0) : 0;
  // Another scope or status lists other reports: back to the first page.
  const refine = (patch: Partial<CorrectionsState>) => update({ ...patch, page: undefined });

  const columns: TableColumnsType<Correction> = [
    {
      title: '状态',
      dataIndex: 'status',
      width: 110,
      render: (s: CorrectionStatus) => <Tag color={statusColors[s]}>{correctionStatusNames[s]}</Tag>,
    },
    {
      title: '机关',
      dataIndex: 'name',
      width: 200,
      render: (name: string, r) => <Link to={bodyPath(r.bodyId)}>{name}</Link>,
    },
    { title: '年度', dataIndex: 'year', width: 70 },
    { title: '版本', dataIndex: 'versions', width: 60, align: 'right' },
    {
      title: '首个版本 错误/需核实',
      key: 'first',
      width: 110,
      align: 'right',
      render: (_, r) => (
        <Link
          to={reportInOversight(r.first.reportId)}
          aria-label={`首个版本：${r.first.errors} 个错误，${r.first.warnings} 个需核实`}
        >
          {problems(r.first)}
        </Link>
      ),
    },
    {
      title: '最新版本 错误/需核实',
      key: 'latest',
      width: 110,
      align: 'right',
      render: (_, r) =>
        r.versions === 1 ? (
          '—'
        ) : (
          <Link
            to={reportInOversight(r.latest.reportId)}
            aria-label={`最新版本（第 ${r.latest.version} 版）：${r.latest.errors} 个错误，${r.latest.warnings} 个需核实`}
          >
            {problems(r.latest)}
          </Link>
        ),
    },
    {
      title: '仍有的问题',
      key: 'remaining',
      render: (_, r) => r.remaining.map(findingName).join('、') || '—',
    },
    {
      title: '已更正的问题',
      key: 'fixed',
      render: (_, r) => r.fixed.map(findingName).join('、') || '—',
    },
  ];

  return (
    <div className="gk-panel">
      <Typography.Paragraph type="secondary">
        报告库中首个版本有核查发现的错误或需要核实的问题（不含是否逾期和读取问题）的报告，与该机关该年度的最新版本比较。
        机关更正后重新发布的报告导入后作为新版本。每次打开时按当前报告库计算。
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <BodyFilters
          value={state}
          onChange={refine}
          regions={regions.data?.rows ?? []}
          years={yearsOf(years.data?.rows)}
        />
        <ExportButtons href={(to) => correctionsExportUrl(filter, to)} disabled={total === 0} />
      </Space>
      {corrections.error ? (
        <CorpusQueryError error={corrections.error} retry={() => corrections.refetch()} />
      ) : (
        <>
          <CountTags
            label="按整改情况筛选"
            all={total}
            items={correctionStatuses.map((s) => ({
              key: s,
              name: correctionStatusNames[s],
              count: data?.counts[s] ?? 0,
            }))}
            value={status}
            onChange={(s) => refine({ status: s })}
          />
          <section aria-label="整改情况列表">
            <Table<Correction>
              size="small"
              rowKey={(r) => `${r.bodyId}:${r.year}`}
              loading={corrections.isFetching}
              columns={columns}
              dataSource={data?.rows}
              pagination={{
                current: page ?? 1,
                pageSize,
                total: data?.listed ?? 0,
                showSizeChanger: false,
                hideOnSinglePage: true,
                onChange: (p) => update({ page: p > 1 ? p : undefined }),
              }}
              locale={{ emptyText: <Empty description="没有首个版本有问题的报告" /> }}
            />
          </section>
        </>
      )}
    </div>
  );
}
