/**
 * 报告对比: one body's reports of two years side by side (GET /api/corpus/compare) — or, with another
 * body chosen, two bodies' reports (甲 and 乙, a year of each): the three tables with the cells that
 * differ marked and their difference, the comparable measures, and each part's prose with the
 * sentences the later year (乙) has as the earlier one (甲) has them marked (found by the server with
 * the corpus checks' own sentence splitter). Bodies and years live in the URL.
 */
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Row,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { CompareResponse } from '../../../../src/api/corpus-compare-contract.js';
import { getFormat } from '../../../../src/spec/registry.js';
import { QueryView } from '../../components/query-state.js';
import { cellLabels, TableGrid } from '../../components/table-grid.js';
import { useUrlState } from '../../lib/url-state.js';
import { corpusCompareQuery } from './api.js';
import { bodyPath } from './body.js';
import { BodySelect } from './body-select.js';
import { deltaText, markPassages } from './compare.js';
import { compareUrl } from './url.js';

type Change = CompareResponse['changes'][number];
type Measure = CompareResponse['measures'][number];

const numberText = (v: number | null | undefined) => (v === null || v === undefined ? '—' : String(v));

export default function ComparePage() {
  const [state, update] = useUrlState(compareUrl);
  const query = state.body
    ? {
        body: state.body,
        ...(state.other ? { other: state.other } : {}),
        ...(state.from ? { from: state.from } : {}),
        ...(state.to ? { to: state.to } : {}),
      }
    : null;
  const compare = useQuery({ ...corpusCompareQuery(query ?? { body: '' }), enabled: query !== null });
  const d = compare.data;
  const from = d?.from.report.year ?? state.from;
  const to = d?.to.report.year ?? state.to;
  const years = d?.years ?? [];
  // Two bodies: a year of each, in any order; one body: the earlier year, then the later. (Choosing
  // the other body: not in the URL until one is chosen.)
  const [picking, setPicking] = useState(false);
  const two = Boolean(state.other) || picking;
  const toYears = two ? (d?.otherYears ?? []) : years;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <div className="gk-panel">
        <Space wrap>
          <BodySelect
            label="机关"
            placeholder="输入名称或地区查找机关"
            style={{ width: 320 }}
            value={state.body}
            // Opened with a body in the URL: its name as the comparison gives it.
            name={d?.body.name}
            onChange={(body) => update({ body: body.id, from: undefined, to: undefined })}
          />
          <Select
            aria-label={two ? '甲的年度' : '较早年度'}
            placeholder={two ? '甲的年度' : '较早年度'}
            style={{ width: 120 }}
            value={from}
            disabled={!d}
            onChange={(y) => update({ from: y, to })}
            options={years
              .filter((y) => two || to === undefined || y < to)
              .map((y) => ({ value: y, label: `${y}年` }))}
          />
          <span aria-hidden="true">{two ? '与' : '→'}</span>
          {two && (
            <BodySelect
              label="对照的机关"
              placeholder="对照的机关"
              style={{ width: 260 }}
              value={state.other}
              exclude={state.body}
              name={d?.other?.name}
              onChange={(other) => update({ other: other.id, to: undefined })}
            />
          )}
          <Select
            aria-label={two ? '乙的年度' : '较晚年度'}
            placeholder={two ? '乙的年度' : '较晚年度'}
            style={{ width: 120 }}
            value={to}
            disabled={!d}
            onChange={(y) => update({ to: y, from })}
            options={toYears
              .filter((y) => two || from === undefined || y > from)
              .map((y) => ({ value: y, label: `${y}年` }))}
          />
          {state.body &&
            (two ? (
              <Button
                onClick={() => {
                  setPicking(false);
                  update({ other: undefined, from: undefined, to: undefined });
                }}
              >
                改为对比本机关两个年度
              </Button>
            ) : (
              <Button onClick={() => setPicking(true)}>与另一个机关对比</Button>
            ))}
          <Link to="/oversight">返回监督概览</Link>
        </Space>
      </div>
      {query === null ? (
        <div className="gk-panel">
          <Empty description="请选择一个机关，对比其两个年度的报告" />
        </div>
      ) : (
        <QueryView query={compare}>{(data) => <CompareView data={data} />}</QueryView>
      )}
    </Space>
  );
}

function CompareView({ data }: { data: CompareResponse }) {
  const a = data.from.report;
  const b = data.to.report;
  const labels = useMemo(() => cellLabels(getFormat(b.format)), [b.format]);
  const changed = useMemo(() => new Map(data.changes.map((c) => [c.key, c])), [data.changes]);
  const share = data.to.sentences > 0 ? Math.round((data.copied.length / data.to.sentences) * 100) : 0;
  // Two bodies: 甲 (the body) and 乙 (the other), each with its year; one body: the two years.
  const other = data.other;
  const sideName = {
    from: other ? `甲 ${a.year}年` : `${a.year}年`,
    to: other ? `乙 ${b.year}年` : `${b.year}年`,
  };

  const changeColumns: TableColumnsType<Change> = [
    { title: '格', dataIndex: 'key', render: (key: string) => labels.get(key) ?? key },
    { title: sideName.from, dataIndex: 'from', width: 100, align: 'right', render: numberText },
    { title: sideName.to, dataIndex: 'to', width: 100, align: 'right', render: numberText },
    { title: '增减', dataIndex: 'delta', width: 100, align: 'right', render: deltaText },
  ];
  const measureColumns: TableColumnsType<Measure> = [
    { title: '指标', dataIndex: 'label' },
    { title: sideName.from, dataIndex: 'from', width: 100, align: 'right', render: numberText },
    { title: sideName.to, dataIndex: 'to', width: 100, align: 'right', render: numberText },
    { title: '增减', dataIndex: 'delta', width: 100, align: 'right', render: deltaText },
  ];

  const cell = (key: string, side: 'from' | 'to') => {
    const value = (side === 'from' ? data.from.cells : data.to.cells)[key];
    const change = changed.get(key);
    if (!change) return value === null || value === undefined ? '' : value;
    return (
      <mark
        className="gk-changed"
        title={`${labels.get(key) ?? key}：${sideName.from} ${numberText(change.from)}，${sideName.to} ${numberText(change.to)}，增减 ${deltaText(change.delta)}`}
      >
        {numberText(value)}
        {side === 'to' && change.delta !== null && <small>（{deltaText(change.delta)}）</small>}
      </mark>
    );
  };

  const numbers = [...new Set([...data.from.sections, ...data.to.sections].map((s) => s.number))].sort(
    (x, y) => x - y,
  );

  return (
    <>
      <Descriptions
        size="small"
        bordered
        column={2}
        className="gk-panel"
        title={
          other ? (
            <>
              {/* Each body's name opens its profile. */}
              <Link to={bodyPath(data.body.id)} className="gk-text-link">
                {data.body.name}
              </Link>
              {` ${a.year}年与`}
              <Link to={bodyPath(other.id)} className="gk-text-link">
                {other.name}
              </Link>
              {` ${b.year}年年度报告对比`}
            </>
          ) : (
            <>
              {/* The body's name opens its profile: every year's status, the figures over the years. */}
              <Link to={bodyPath(data.body.id)} className="gk-text-link">
                {data.body.name}
              </Link>
              {` ${a.year}年与${b.year}年年度报告对比`}
            </>
          )
        }
        items={[
          {
            key: 'from',
            label: other ? '甲' : '较早年度',
            children: `${other ? `${data.body.name} ` : ''}${a.year}年（${a.format} 年版，第 ${a.version} 版）`,
          },
          {
            key: 'to',
            label: other ? '乙' : '较晚年度',
            children: `${other ? `${other.name} ` : ''}${b.year}年（${b.format} 年版，第 ${b.version} 版）`,
          },
          { key: 'changes', label: other ? '数值不同' : '数值变化', children: `${data.changes.length} 格` },
          {
            key: 'copied',
            label: other ? '两个机关相同的句子' : '与上一年度相同的句子',
            children: `${data.copied.length} 句（占${other ? '乙' : ` ${b.year} 年度`}正文 ${data.to.sentences} 句的 ${share}%）`,
          },
        ]}
      />

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card size="small" title={other ? '数值不同的格' : '数值变化的格'}>
            <Table<Change>
              aria-label={other ? '数值不同的格' : '数值变化的格'}
              size="small"
              rowKey="key"
              columns={changeColumns}
              dataSource={data.changes}
              locale={{
                emptyText: <Empty description={other ? '两个机关的数据相同' : '两个年度的数据相同'} />,
              }}
              pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title="可比指标">
            <Table<Measure>
              size="small"
              rowKey="id"
              columns={measureColumns}
              dataSource={data.measures}
              pagination={false}
            />
          </Card>
        </Col>
      </Row>

      <Card size="small" title="表格对比（数值变化的格以黄色标出，括号内为增减）">
        {data.sameFormat ? (
          getFormat(b.format).tables.map((table) => (
            <Row gutter={16} key={table.id} style={{ marginBottom: 12 }}>
              {(['from', 'to'] as const).map((side) => (
                <Col span={12} key={side} className="gk-compare-grid">
                  <TableGrid
                    table={table}
                    caption={`${sideName[side]} ${table.title}`}
                    renderCell={(c) => cell(c.key, side)}
                  />
                </Col>
              ))}
            </Row>
          ))
        ) : (
          <Alert
            type="info"
            showIcon
            title={`两份报告的格式不同（${a.format} 年版与 ${b.format} 年版），表格按上方的可比指标对比`}
          />
        )}
      </Card>

      <Card
        size="small"
        title={`正文对比（以黄色标出的句子与${other ? '甲的' : ` ${a.year} 年度`}报告相同，数字不计）`}
      >
        {numbers.map((n) => {
          const left = data.from.sections.find((s) => s.number === n);
          const right = data.to.sections.find((s) => s.number === n);
          const copiedHere = data.copied.filter((c) => c.section === n);
          return (
            <Row gutter={16} key={n} style={{ marginBottom: 12 }}>
              <Col span={12}>
                <Prose
                  heading={`${sideName.from} ${left?.title ?? ''}`}
                  text={left?.text ?? ''}
                  passages={data.copied.map((c) => c.previous)}
                  same={other ? '与乙的报告相同' : '与下一年度相同'}
                />
              </Col>
              <Col span={12}>
                <Prose
                  heading={`${sideName.to} ${right?.title ?? ''}`}
                  text={right?.text ?? ''}
                  passages={copiedHere.map((c) => c.text)}
                  same={other ? '与甲的报告相同' : '与上一年度相同'}
                />
              </Col>
            </Row>
          );
        })}
      </Card>
    </>
  );
}

function Prose({
  heading,
  text,
  passages,
  same,
}: {
  heading: string;
  text: string;
  passages: string[];
  /** What a marked sentence is the same as (its title). */
  same: string;
}) {
  return (
    <section aria-label={heading}>
      <Typography.Title level={3} style={{ fontSize: 14, margin: '0 0 4px' }}>
        {heading}
      </Typography.Title>
      <div className="gk-prose">
        {text === ''
          ? '（无此部分）'
          : markPassages(text, passages).map((s, i) =>
              s.copied ? (
                // biome-ignore lint/suspicious/noArrayIndexKey: segments of one text, in order
                <mark key={i} className="gk-copied" title={same}>
                  {s.text}
                </mark>
              ) : (
                // biome-ignore lint/suspicious/noArrayIndexKey: segments of one text, in order
                <span key={i}>{s.text}</span>
              ),
            )}
      </div>
    </section>
  );
}
