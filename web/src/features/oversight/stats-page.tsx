/**
 * 统计对比: the corpus summed up by province, city, county, body, year or kind of body, a row a group,
 * so that supervisors and evaluators compare them: reports on time, reports with errors, applications
 * received, carried over and answered, the shares of outcomes and the rates of reviews and lawsuits
 * that corrected the body. The grouping, the filters, the order and the page live in the URL; the
 * server sums (one scan of narrow tables, fast on a national corpus), sorts and pages — by body a
 * national corpus has 28,000 groups, too many for one answer to a browser — so the browser gets 50
 * rows at a time. The same table, in the same order with every measure, downloads as CSV or Excel.
 */
import { useQuery } from '@tanstack/react-query';
import { Empty, Flex, Segmented, Space, Table, type TableColumnsType, Typography } from 'antd';
import type { SortOrder } from 'antd/es/table/interface.js';
import { useMemo } from 'react';
import { Link } from 'react-router';
import type { ProblemKind } from '../../../../src/corpus/problem-kinds.js';
import { type StatsDimension, statsDimensionNames } from '../../../../src/corpus/stats-dimensions.js';
import { ExportButtons } from '../../components/export-buttons.js';
import { LoadError } from '../../components/query-state.js';
import { useUrlState } from '../../lib/url-state.js';
import { corpusStatsQuery, statsExportUrl } from './api.js';
import { bodyPath } from './body.js';
import { BodyFilters, yearsOf } from './corpus-filters.js';
import { ProblemSelect } from './problem-select.js';
import {
  figures,
  figureText,
  groupOptions,
  groupText,
  type StatsRow,
  statsCaption,
  statsEmptyText,
} from './stats.js';
import { statsUrl } from './url.js';

/** Rows a page: the server answers one page at a time. */
export const statsPageSize = 50;

/** antd's name of an order, and back. */
const sortOrderOf = (order: 'asc' | 'desc'): SortOrder => (order === 'asc' ? 'ascend' : 'descend');

/**
 * The group's name (a body's linking its profile, 机关档案), then a column a figure; every column sorts on
 * the server (the one sorted by shows it), one way or the other — never unsorted.
 */
function columnsOf(by: StatsDimension, sort: string, order: 'asc' | 'desc'): TableColumnsType<StatsRow> {
  const sorted = (key: string) => ({
    sorter: true,
    sortDirections: ['descend' as const, 'ascend' as const, 'descend' as const],
    sortOrder: key === sort ? sortOrderOf(order) : null,
  });
  return [
    {
      title: statsDimensionNames[by],
      key: 'label',
      ...sorted('label'),
      render: (_, row) =>
        // A body the corpus couldn't identify has no id to filter by.
        by === 'agency' && row.group ? <Link to={bodyPath(row.group)}>{row.label}</Link> : groupText(by, row),
    },
    ...figures.map((figure): TableColumnsType<StatsRow>[number] => ({
      title: figure.title,
      key: figure.key,
      width: figure.width,
      align: 'right',
      ...sorted(figure.key),
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
function StatsCaption({
  by,
  problem,
  groups,
}: {
  by: StatsDimension;
  problem: ProblemKind | undefined;
  groups: number | undefined;
}) {
  return (
    <Flex justify="space-between" align="baseline" gap={16} style={{ marginBottom: 12 }}>
      <Typography.Text type="secondary">{statsCaption(by, problem)}</Typography.Text>
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
  sort,
  order,
  page,
  total,
  rows,
  loading,
  onChange,
}: {
  by: StatsDimension;
  sort: string;
  order: 'asc' | 'desc';
  page: number;
  total: number;
  rows: StatsRow[] | undefined;
  loading: boolean;
  onChange: (change: { sort?: string; order?: 'asc' | 'desc'; page?: number }) => void;
}) {
  const columns = useMemo(() => columnsOf(by, sort, order), [by, sort, order]);
  return (
    <Table<StatsRow>
      size="small"
      sticky
      rowKey="group"
      loading={loading}
      columns={columns}
      dataSource={rows}
      pagination={{
        current: page,
        pageSize: statsPageSize,
        total,
        showSizeChanger: false,
        hideOnSinglePage: true,
      }}
      onChange={(pagination, _filters, sorter, { action }) => {
        if (action === 'paginate') onChange({ page: pagination.current ?? 1 });
        const one = Array.isArray(sorter) ? sorter[0] : sorter;
        // Another order starts again at the first page.
        if (action === 'sort' && one?.columnKey)
          onChange({ sort: String(one.columnKey), order: one.order === 'ascend' ? 'asc' : 'desc', page: 1 });
      }}
      locale={{ emptyText: <Empty description={statsEmptyText} /> }}
    />
  );
}

export default function StatsPage() {
  const [state, update] = useUrlState(statsUrl);
  const { by, sort, order, page = 1, ...filter } = state;
  // The previous page's rows stay while the next loads (keepPreviousData): no empty flash.
  const stats = useQuery(
    corpusStatsQuery({
      ...filter,
      by,
      sort,
      order,
      offset: (page - 1) * statsPageSize,
      limit: statsPageSize,
    }),
  );
  // Another grouping or filter lists other groups: back to the first page.
  const refine = (patch: Partial<typeof state>) => update({ ...patch, page: undefined });
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
          onChange={(next) => refine({ by: next })}
        />
        <Space wrap>
          <BodyFilters
            value={filter}
            onChange={refine}
            regions={regions.data?.rows ?? []}
            years={yearsOf(years.data?.rows)}
          />
          <ProblemSelect value={filter.problem} onChange={(problem) => refine({ problem })} />
          <ExportButtons
            href={(to) => statsExportUrl({ ...filter, by, sort, order }, to)}
            disabled={!data?.total}
          />
        </Space>
      </Flex>
      {stats.error ? (
        <LoadError error={stats.error} retry={() => stats.refetch()} />
      ) : (
        <section className="gk-panel" aria-label="统计结果">
          <StatsCaption
            by={shown}
            problem={filter.problem}
            groups={stats.isPlaceholderData ? undefined : data?.total}
          />
          <StatsTable
            by={shown}
            sort={sort}
            order={order}
            page={page}
            total={data?.total ?? 0}
            rows={data?.rows}
            loading={stats.isFetching}
            onChange={({ page: next, ...change }) =>
              update({ ...change, page: next && next > 1 ? next : undefined })
            }
          />
        </section>
      )}
    </Space>
  );
}
