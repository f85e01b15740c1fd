/**
 * 评分: the corpus scored by an evaluator's rule pack (spec/packs, or a JSON file of one's own with
 * the same schema): each report's score and the items it lost points for, each with its citation;
 * rules a published report can't answer are listed as not assessed, never guessed.
 */
import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Empty,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tooltip,
  Typography,
  Upload,
} from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { z } from 'zod';
import type { reportScore } from '../../../../src/api/corpus-contract.js';
import { type Pack, packSchema } from '../../../../src/corpus/pack-schema.js';
import { ExportButtons } from '../../components/export-buttons.js';
import { call, callFile, messageOf } from '../../lib/api.js';
import { saveBlob } from '../../lib/download.js';
import * as api from '../../lib/endpoints.js';
import { useUrlState } from '../../lib/url-state.js';
import { corpusStatsQuery } from './api.js';
import { BodyFilters, CorpusQueryError, yearsOf } from './corpus-filters.js';
import { reportInOversight, type ScoreState, scoreUrl } from './url.js';

type ReportScore = z.output<typeof reportScore>;

/** A pack read from a file: its JSON checked with the API's schema; the first problem otherwise. */
async function readPack(file: File): Promise<{ pack: Pack } | { problem: string }> {
  let json: unknown;
  try {
    json = JSON.parse(await file.text());
  } catch {
    return { problem: `「${file.name}」不是有效的 JSON` };
  }
  const checked = packSchema.safeParse(json);
  if (checked.success) return { pack: checked.data };
  const issue = checked.error.issues[0];
  return {
    problem: `「${file.name}」不是有效的评估规则包：${issue?.path.join('.') || '（顶层）'}：${issue?.message}`,
  };
}

const points = (n: number) => (n > 0 ? `+${n}` : String(n));

export default function ScorePage() {
  const [state, update] = useUrlState(scoreUrl);
  const [own, setOwn] = useState<Pack | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const packs = useQuery({ queryKey: ['corpus', 'packs'], queryFn: () => call(api.corpusPacks, {}) });
  const regions = useQuery(corpusStatsQuery({ by: 'region' }));
  const years = useQuery(corpusStatsQuery({ by: 'year' }));
  const { pack: packId, ...filter } = state;
  const chosen = own ?? packs.data?.find((p) => p.id === packId) ?? packs.data?.[0];
  const scores = useQuery({
    queryKey: ['corpus', 'score', own ?? chosen?.id, filter],
    queryFn: () => call(api.corpusScore, { query: filter, body: { pack: own ?? (chosen?.id as string) } }),
    enabled: chosen !== undefined,
  });
  const rows = useMemo(
    () => [...(scores.data?.scores ?? [])].sort((a, b) => a.score - b.score || a.reportId - b.reportId),
    [scores.data],
  );
  // The same request as a file: the ranking by year (CSV), with the items and the pack (Excel).
  const download = useMutation({
    mutationFn: async (to: 'csv' | 'xlsx') => {
      const { blob, filename } = await callFile(
        api.corpusScoreExport,
        { query: { ...filter, to }, body: { pack: own ?? (chosen?.id as string) } },
        {},
      );
      saveBlob(blob, filename ?? `评分.${to}`);
    },
  });
  const mean = rows.length ? rows.reduce((sum, r) => sum + r.score, 0) / rows.length : null;
  const refine = (patch: Partial<ScoreState>) => update(patch);

  const columns: TableColumnsType<ReportScore> = [
    {
      title: '机关',
      dataIndex: 'agency',
      width: 220,
      render: (agency: string | null, r) => (
        <Link to={reportInOversight(r.reportId)}>{agency ?? r.file}</Link>
      ),
    },
    { title: '年度', dataIndex: 'year', width: 70, render: (y: number | null) => y ?? '—' },
    {
      title: '得分',
      dataIndex: 'score',
      width: 80,
      align: 'right',
      render: (s: number) => (
        <Typography.Text type={s < (chosen?.base ?? 0) ? 'danger' : undefined}>{s}</Typography.Text>
      ),
    },
    {
      title: '扣分、加分项',
      key: 'items',
      render: (_, r) =>
        r.items.length === 0 ? (
          <Typography.Text type="secondary">无</Typography.Text>
        ) : (
          <ul className="gk-plain-list">
            {r.items.map((i) => (
              <li key={i.rule}>
                <Tooltip title={i.citation}>
                  <span>
                    {i.label}
                    {i.count !== null && i.count > 1 ? ` × ${i.count}` : ''}：{points(i.points)} 分
                  </span>
                </Tooltip>
              </li>
            ))}
          </ul>
        ),
    },
    {
      title: '未评估',
      key: 'notAssessed',
      width: 90,
      render: (_, r) =>
        r.notAssessed.length === 0 ? null : (
          <Tooltip title={r.notAssessed.join('；')}>
            <span>{r.notAssessed.length} 项</span>
          </Tooltip>
        ),
    },
  ];

  return (
    <div className="gk-panel">
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label="评估规则包"
          style={{ width: 380 }}
          value={own ? `own:${own.id}` : chosen?.id}
          loading={packs.isPending}
          onChange={(v: string) => {
            if (v.startsWith('own:')) return;
            setOwn(null);
            refine({ pack: v });
          }}
          options={[
            ...(packs.data ?? []).map((p) => ({ value: p.id, label: p.name })),
            ...(own ? [{ value: `own:${own.id}`, label: `${own.name}（本地文件）` }] : []),
          ]}
        />
        <Upload
          accept=".json,application/json"
          showUploadList={false}
          beforeUpload={async (file) => {
            const read = await readPack(file);
            if ('pack' in read) {
              setOwn(read.pack);
              setProblem(null);
            } else setProblem(read.problem);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />}>使用自己的规则包（JSON）</Button>
        </Upload>
        <BodyFilters
          value={state}
          onChange={refine}
          regions={regions.data?.rows ?? []}
          years={yearsOf(years.data?.rows)}
          kind={false}
        />
        <ExportButtons
          disabled={rows.length === 0}
          onExport={(to) => download.mutate(to)}
          pending={download.isPending ? download.variables : undefined}
        />
      </Space>
      {problem && <Alert type="error" showIcon role="alert" title={problem} style={{ marginBottom: 12 }} />}
      {download.error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title="导出失败"
          description={messageOf(download.error)}
          style={{ marginBottom: 12 }}
        />
      )}
      {chosen && (
        <Typography.Paragraph type="secondary">
          {chosen.source}
          {chosen.appliesTo.kind
            ? `。只评${chosen.appliesTo.kind === 'government' ? '人民政府' : '部门'}的报告`
            : ''}
          {chosen.appliesTo.year !== undefined ? `，${chosen.appliesTo.year} 年度` : ''}
          ，每个机关每个年度取最新版本；基础分 {chosen.base}。
          {rows.length > 0 &&
            mean !== null &&
            ` 共 ${rows.length} 份报告，平均 ${Math.round(mean * 100) / 100} 分。`}
        </Typography.Paragraph>
      )}
      {packs.error || scores.error ? (
        <CorpusQueryError
          error={packs.error ?? scores.error}
          retry={() => (packs.error ? packs.refetch() : scores.refetch())}
        />
      ) : (
        <section aria-label="评分结果">
          <Table<ReportScore>
            size="small"
            rowKey="reportId"
            loading={packs.isPending || scores.isFetching}
            columns={columns}
            dataSource={rows}
            pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
            locale={{ emptyText: <Empty description="没有规则包适用的报告" /> }}
          />
        </section>
      )}
    </div>
  );
}
