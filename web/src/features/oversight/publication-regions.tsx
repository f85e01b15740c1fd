/**
 * 发布情况 by region (按地区汇总): the regions that lag most — the most bodies past the deadline without
 * the report first — so that a supervisor of a city or province sees which districts to press. The
 * regions are summed up by province, city or county (the server starts where the bodies' places
 * differ; the user may choose another level). Each region links to the page filtered to it, summed up
 * a level further down; the bodies of an unknown place can't be filtered to.
 */
import { Flex, Segmented, Table, type TableColumnsType, Typography } from 'antd';
import { Link } from 'react-router';
import type { RegionPublication } from '../../../../src/api/corpus-contract.js';
import {
  publicationStatuses,
  publicationStatusNames,
  regionName,
} from '../../../../src/corpus/publication-status.js';
import { type RegionLevel, regionLevelNames } from '../../../../src/corpus/region-level.js';
import { regionLevelOptions } from './names.js';
import { regionsCaption } from './publication.js';

const count = (title: string, key: keyof RegionPublication) => ({
  title,
  dataIndex: key,
  width: 88,
  align: 'right' as const,
});

export function PublicationRegions({
  regions,
  regionCount,
  level,
  onLevel,
  search,
}: {
  regions: readonly RegionPublication[];
  regionCount: number;
  /** The level the regions are summed up at. */
  level: RegionLevel;
  onLevel: (level: RegionLevel) => void;
  /** The page's URL query filtered to a region. */
  search: (region: string) => string;
}) {
  const columns: TableColumnsType<RegionPublication> = [
    {
      title: '地区',
      dataIndex: 'region',
      render: (region: string) =>
        region ? <Link to={{ search: search(region) }}>{region}</Link> : regionName(region),
    },
    count('应发布', 'expected'),
    // A column a status, in the statuses' order; the bodies past the deadline in red.
    ...publicationStatuses.map((s) =>
      s === 'overdue'
        ? {
            ...count(publicationStatusNames[s], s),
            render: (n: number) => <Typography.Text type={n > 0 ? 'danger' : undefined}>{n}</Typography.Text>,
          }
        : count(publicationStatusNames[s], s),
    ),
  ];
  const caption = [
    regionsCaption(regionCount),
    level === 'county' ? undefined : `名称未写明所属${regionLevelNames[level]}的机关按名称中最高一级的地区计`,
  ]
    .filter(Boolean)
    .join('；');
  return (
    <section className="gk-panel" aria-label="按地区汇总">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        <Typography.Title level={2} style={{ fontSize: 14, margin: 0 }}>
          按地区
        </Typography.Title>
        <Segmented<RegionLevel>
          size="small"
          aria-label="汇总层级"
          options={regionLevelOptions}
          value={level}
          onChange={onLevel}
        />
      </Flex>
      {caption && <Typography.Paragraph type="secondary">{caption}</Typography.Paragraph>}
      <Table<RegionPublication>
        size="small"
        rowKey="region"
        columns={columns}
        dataSource={[...regions]}
        pagination={false}
        // Some six rows, the rest scrolled: the bodies' list stays in view below.
        scroll={{ y: 200 }}
      />
    </section>
  );
}
