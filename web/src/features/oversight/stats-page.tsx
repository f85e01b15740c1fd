/**
 * 统计对比: the corpus summed up by province, city, county, body, year or kind of body, a row a group,
 * so that supervisors and evaluators compare them: reports on time, reports with errors, applications
 * received, carried over and answered, the shares of outcomes and the rates of reviews and lawsuits
 * that corrected the body. The grouping and the filters live in the URL; the server sums (one scan
 * of narrow tables, fast on a national corpus) and the browser only sorts the rows it gets. The same
 * table, with every measure, downloads as CSV or Excel.
 */
import { useQuery } from '@tanstack/react-query';
import { Empty, Flex, Segmented, Space, Table, type TableColumnsType, Typography } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { type StatsDimension, statsDimensionNames } from '../../../../src/corpus/stats-dimensions.js';
import { LoadError } from '../../components/query-state.js';
import { encode } from '../../lib/url-codec.js';
import { useUrlState } from '../../lib/url-state.js';
import { corpusStatsQuery, statsExportUrl } from './api.js';
import { BodyFilters, yearsOf } from './corpus-filters.js';
import { ExportButtons } from './export-buttons.js';
import {
  compareBy,
  figures,
  figureText,
  groupOptions,
  groupText,
  type StatsRow,
  statsCaption,
  statsEmptyText,
} from './stats.js';
import { oversightUrl, statsUrl } from './url.js';

/** A body's reports in 监督概览. */
const bodyLink = (bodyId: string) => ({
  pathname: '/oversight',
  search: encode(oversightUrl, { after: [], agency: bodyId }).toString(),
});

const collator = new Intl.Collator('zh-CN', { numeric: true });

/** The group's name (a body's linking its reports), then a sortable column a figure. */
function columnsOf(by: StatsDimension): TableColumnsType<StatsRow> {
  return [
    {
      title: statsDimensionNames[by],
      key: 'label',
      sorter: (a, b) => collator.compare(groupText(by, a), groupText(by, b)),
      render: (_, row) =>
        // A body the corpus couldn't identify has no id to filter by.
        by === 'agency' && row.group ? <Link to={bodyLink(row.group)}>{row.label}</Link> : groupText(by, row),
    },
    ...figures.map((figure): TableColumnsType<StatsRow>[number] => ({
      title: figure.title,
      key: figure.key,
      width: figure.width,
      align: 'right',
      sorter: compareBy(figure.value),
      ...(figure.key === 'reports' ? { defaultSortOrder: 'descend' as const } : {}),
      render: (_, row) => {
        const value = figure.value(row);
        // Reports with errors stand out, as in 监督概览's table.
        return figure.key === 'withErrors' && (value ?? 0) > 0 ? (
          <Typography.Text type="danger">{figureText(figure, value)}</Typography.Text>
        ) : (
          figureText(figure, value)
        );
      },
    })),
  ];
}

/** What the table is, and (once the answer for the grouping shown is in) how many groups it has. */
function StatsCaption({ by, groups }: { by: StatsDimension; groups: number | undefined }) {
  return (
    <Flex justify="space-between" align="baseline" gap={16} style={{ marginBottom: 12 }}>
      <Typography.Text type="secondary">{statsCaption(by)}</Typography.Text>
      {/* Apart, on one line: the number read at a glance, not broken at the end of a long sentence. */}
      {groups !== undefined && (
        <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
          {`共 ${groups} 组`}
        </Typography.Text>
      )}
    </Flex>
  );
}

function StatsTable({
  by,
  rows,
  loading,
}: {
  by: StatsDimension;
  rows: StatsRow[] | undefined;
  loading: boolean;
}) {
  const columns = useMemo(() => columnsOf(by), [by]);
  return (
    <Table<StatsRow>
      size="small"
      sticky
      rowKey="group"
      loading={loading}
      columns={columns}
      dataSource={rows}
      pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
      locale={{ emptyText: <Empty description={statsEmptyText} /> }}
    />
  );
}

export default function StatsPage() {
  const [state, update] = useUrlState(statsUrl);
  const { by, ...filter } = state;
  // The previous grouping's rows stay while the next loads (keepPreviousData): no empty flash.
  const stats = useQuery(corpusStatsQuery({ ...filter, by }));
  const regions = useQuery(corpusStatsQuery({ by: 'region' }));
  const years = useQuery(corpusStatsQuery({ by: 'year' }));
  const data = stats.data;
  // The rows are named as the answer groups them, not as the switch already says while it loads.
  const shown = data?.by ?? by;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {/* The grouping on a line of its own: with the filters and the exports it would not fit one. */}
      <Flex className="gk-panel" vertical align="start" gap={12}>
        <Segmented<StatsDimension>
          aria-label="分组"
          options={[...groupOptions]}
          value={by}
          onChange={(next) => update({ by: next })}
        />
        <Space wrap>
          <BodyFilters
            value={filter}
            onChange={update}
            regions={regions.data?.rows ?? []}
            years={yearsOf(years.data?.rows)}
          />
          <ExportButtons href={(to) => statsExportUrl({ ...filter, by }, to)} disabled={!data?.rows.length} />
        </Space>
      </Flex>
      {stats.error ? (
        <LoadError error={stats.error} retry={() => stats.refetch()} />
      ) : (
        <section className="gk-panel" aria-label="统计结果">
          <StatsCaption by={shown} groups={stats.isPlaceholderData ? undefined : data?.rows.length} />
          <StatsTable by={shown} rows={data?.rows} loading={stats.isFetching} />
        </section>
      )}
    </Space>
  );
}
