/**
 * 跨报告核查: what only a corpus shows — carried-over figures that differ from last year's report,
 * 现行有效件数 that do not follow, prose copied from last year or from other bodies, large jumps,
 * missing years and changed versions (src/corpus/checks). Filters and the code shown live in the URL;
 * each finding opens its report (and the report it was compared with) in 监督概览's drawer.
 */

import { useQuery } from '@tanstack/react-query';
import { Empty, Space, Table, type TableColumnsType, Typography } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router';
import type { z } from 'zod';
import type { crossFinding } from '../../../../src/api/corpus-contract.js';
import { findingName } from '../../../../src/core/finding-names.js';
import { ExportButtons } from '../../components/export-buttons.js';
import { SeverityTag } from '../../components/severity-tag.js';
import { useUrlState } from '../../lib/url-state.js';
import { checksExportUrl, corpusChecksQuery, corpusStatsQuery } from './api.js';
import { BodyFilters, CorpusQueryError, yearsOf } from './corpus-filters.js';
import { CountTags } from './count-tags.js';
import { LettersButton } from './letters-button.js';
import { type ChecksState, checksUrl, reportInOversight } from './url.js';

type CrossFinding = z.output<typeof crossFinding>;

export default function ChecksPage() {
  const [state, update] = useUrlState(checksUrl);
  const { code, ...filter } = state;
  const checks = useQuery(corpusChecksQuery(filter));
  const regions = useQuery(corpusStatsQuery({ by: 'region' }));
  const years = useQuery(corpusStatsQuery({ by: 'year' }));

  const counts = useMemo(() => {
    const byCode = new Map<string, number>();
    for (const f of checks.data ?? []) byCode.set(f.code, (byCode.get(f.code) ?? 0) + 1);
    return [...byCode].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  }, [checks.data]);
  const shown = useMemo(
    () => (checks.data ?? []).filter((f) => code === undefined || f.code === code),
    [checks.data, code],
  );
  const refine = (patch: Partial<ChecksState>) => update(patch);

  const columns: TableColumnsType<CrossFinding> = [
    {
      title: '机关',
      dataIndex: 'agency',
      width: 200,
      render: (agency: string | null, f) => (
        <Link to={reportInOversight(f.reportId)}>{agency ?? f.file}</Link>
      ),
    },
    { title: '年度', dataIndex: 'year', width: 70, render: (y: number | null) => y ?? '—' },
    {
      title: '问题',
      dataIndex: 'code',
      width: 220,
      render: (c: string, f) => (
        <Space size={4}>
          <SeverityTag severity={f.severity} />
          <span title={c}>{findingName(c)}</span>
        </Space>
      ),
    },
    { title: '说明', dataIndex: 'message' },
    {
      title: '对照',
      key: 'other',
      width: 110,
      render: (_, f) =>
        f.otherReportId === undefined ? null : (
          <Link to={reportInOversight(f.otherReportId)}>对照的报告</Link>
        ),
    },
  ];

  return (
    <div className="gk-panel">
      <Typography.Paragraph type="secondary">
        同一机关各年度之间、不同机关同一年度之间的核查：上年结转、现行有效件数、正文照搬、数字大幅变化、缺少年度、同一年度的不同版本。
        每次打开时按当前报告库计算。
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <BodyFilters
          value={state}
          onChange={refine}
          regions={regions.data?.rows ?? []}
          years={yearsOf(years.data?.rows)}
        />
        <ExportButtons href={(to) => checksExportUrl(filter, to)} disabled={!checks.data?.length} />
        <LettersButton filter={filter} />
      </Space>
      {checks.error ? (
        <CorpusQueryError error={checks.error} retry={() => checks.refetch()} />
      ) : (
        <>
          <CountTags
            label="按问题筛选"
            all={checks.data?.length ?? 0}
            items={counts.map(([c, n]) => ({ key: c, name: findingName(c), count: n }))}
            value={code}
            onChange={(c) => refine({ code: c })}
          />
          <section aria-label="核查结果">
            <Table<CrossFinding>
              size="small"
              rowKey={(f) => `${f.reportId}:${f.code}:${f.otherReportId ?? ''}:${f.message}`}
              loading={checks.isFetching}
              columns={columns}
              dataSource={shown}
              pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
              locale={{ emptyText: <Empty description="没有发现跨报告的问题" /> }}
            />
          </section>
        </>
      )}
    </div>
  );
}
