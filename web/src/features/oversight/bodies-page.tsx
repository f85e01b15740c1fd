/**
 * 机关 (curators: admins, supervisors, evaluators): the bodies of the corpus, as read from the names
 * their reports are signed with. A person corrects a body's name, places or kind, or merges two
 * spellings of one body; a new kind judges its reports again (deadline, lateness, 条例第五十条).
 * A body abolished (机构改革) gets its 撤销年份, so that 发布情况 stops expecting its reports.
 * The server looks the bodies up (text in the name or region, kind) and answers 50 at a time — a
 * national corpus has some 28,000 — and the search, kind and page live in the URL.
 */
import { useQuery } from '@tanstack/react-query';
import { Button, Empty, Input, Select, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { z } from 'zod';
import type { corpusListedBody } from '../../../../src/api/corpus-contract.js';
import { LoadError } from '../../components/query-state.js';
import { useDebounced } from '../../lib/debounce.js';
import { useMe } from '../../lib/session.js';
import { useUrlState } from '../../lib/url-state.js';
import { corpusBodiesQuery } from './api.js';
import { bodiesCount, bodiesPage, bodiesPageSize, lastBodiesPage } from './bodies.js';
import { bodyPath } from './body.js';
import { EditBodyDialog, MergeBodyDialog, RosterDialog } from './body-dialogs.js';
import { kindNames } from './names.js';
import { PlaceSuggestions } from './place-suggestions.js';
import { bodiesUrl } from './url.js';

type Body = z.output<typeof corpusListedBody>;
type Kind = Body['kind'];

/** The search box: the text goes to the URL as the typing stops, or at once on Enter. */
function BodySearch({ value, onSearch }: { value: string | undefined; onSearch: (q: string) => void }) {
  const [text, setText] = useState(value ?? '');
  const settled = useDebounced(text.trim(), 300);
  // The URL changed from elsewhere (Back, a link): the box shows what is looked for.
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    if ((value ?? '') !== text.trim()) setText(value ?? '');
  }
  // Only a change of the text typed is sent: not the text lagging behind a URL changed elsewhere.
  const sent = useRef(settled);
  useEffect(() => {
    if (settled === sent.current) return;
    sent.current = settled;
    if (settled !== (value ?? '')) onSearch(settled);
  }, [settled, value, onSearch]);
  return (
    <Input.Search
      allowClear
      placeholder="名称或地区"
      aria-label="按名称或地区查找"
      value={text}
      onChange={(e) => setText(e.target.value)}
      onSearch={(q) => {
        setText(q);
        if (q.trim() !== (value ?? '')) onSearch(q.trim());
      }}
      style={{ width: 240 }}
    />
  );
}

export default function BodiesPage() {
  const [state, update] = useUrlState(bodiesUrl);
  const { q, kind, page } = state;
  // The previous page stays while the next one loads (keepPreviousData), so the table doesn't flash empty.
  const bodies = useQuery(corpusBodiesQuery({ q, kind, ...bodiesPage(page) }));
  // How many there are in all, beside how many the search finds.
  const looking = q !== undefined || kind !== undefined;
  const all = useQuery({ ...corpusBodiesQuery({ limit: 1 }), enabled: looking });
  const [editing, setEditing] = useState<Body | null>(null);
  const [merging, setMerging] = useState<Body | null>(null);
  const [roster, setRoster] = useState(false);
  const me = useMe();
  const data = bodies.data;
  // A page past the end (a URL kept from before the corpus changed): its last page instead, in place
  // of the URL (Back doesn't return to it).
  const last = data && !bodies.isPlaceholderData ? lastBodiesPage(data.total) : undefined;
  useEffect(() => {
    if (page !== undefined && last !== undefined && page > last)
      update({ page: last > 1 ? last : undefined }, { replace: true });
  }, [page, last, update]);
  // Other text or kind finds other bodies: back to the first page. Text typed on from text already
  // looked for replaces it in the history (Back doesn't step through each word).
  const search = (text: string) =>
    update({ q: text || undefined, page: undefined }, { replace: text !== '' && q !== undefined });
  const columns: TableColumnsType<Body> = [
    {
      title: '名称',
      dataIndex: 'name',
      // Its profile (机关档案): its years, the names its reports signed with, and from there its
      // reports in 监督概览, to see what a correction or merge would move.
      render: (name: string, b) => (
        <Space size={4}>
          <Link to={bodyPath(b.id)}>{name}</Link>
          {b.expectedFrom !== null && (
            <Tag title="应发布名录：自该年度起应发布年度报告">{`自 ${b.expectedFrom} 年度应发布`}</Tag>
          )}
          {b.dissolvedIn !== null && <Tag>{`撤销于 ${b.dissolvedIn} 年`}</Tag>}
        </Space>
      ),
    },
    { title: '地区', dataIndex: 'region', render: (r: string) => r || '—' },
    {
      title: '类型',
      dataIndex: 'kind',
      render: (k: Kind) => <Tag color={k === 'government' ? '#0958d9' : '#595959'}>{kindNames[k]}</Tag>,
    },
    { title: '报告', dataIndex: 'reports', align: 'right', render: (n: number) => `${n} 份` },
    {
      title: '人工修改',
      dataIndex: 'corrected',
      render: (c: boolean) => (c ? <Tag color="#ad4e00">已修改</Tag> : null),
    },
    {
      title: '操作',
      key: 'actions',
      render: (_, b) => (
        <Space>
          <Button size="small" onClick={() => setEditing(b)} aria-label={`修改 ${b.name}`}>
            修改
          </Button>
          <Button size="small" onClick={() => setMerging(b)} aria-label={`合并 ${b.name}`}>
            合并到…
          </Button>
        </Space>
      ),
    },
  ];
  return (
    <div className="gk-panel">
      <Typography.Paragraph type="secondary">
        机关由报告的署名得出：地区和类型按名称判断。名称判断有误时在此修改；同一机关的不同写法（简称、旧称）合并为一个；机构改革等撤销的机关在「修改」中填写撤销年份，发布情况自该年度起不再列为应发布；从未发布过报告的机关，导入应发布名录（或在「修改」中填写应发布起始年度）后才列为应发布。
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <BodySearch value={q} onSearch={search} />
        <Select
          allowClear
          placeholder="机关类型"
          aria-label="机关类型"
          style={{ width: 140 }}
          value={kind}
          onChange={(k: Kind | undefined) => update({ kind: k, page: undefined })}
          options={(Object.keys(kindNames) as Kind[]).map((k) => ({ value: k, label: kindNames[k] }))}
        />
        <PlaceSuggestions />
        {/* Evaluators, and supervisors for the bodies they supervise (the server refuses others' names). */}
        {(me.data?.user.role === 'evaluator' || me.data?.user.role === 'supervisor') && (
          <Button onClick={() => setRoster(true)}>导入应发布名录</Button>
        )}
        {data && !bodies.isPlaceholderData && (
          <Typography.Text type="secondary">
            {bodiesCount(data.total, looking ? all.data?.total : undefined)}
          </Typography.Text>
        )}
      </Space>
      {bodies.error ? (
        <LoadError error={bodies.error} retry={() => bodies.refetch()} />
      ) : (
        <section aria-label="机关列表">
          <Table<Body>
            size="small"
            rowKey="id"
            loading={bodies.isFetching}
            columns={columns}
            dataSource={data?.rows}
            pagination={{
              current: page ?? 1,
              pageSize: bodiesPageSize,
              total: data?.total ?? 0,
              showSizeChanger: false,
              hideOnSinglePage: true,
              onChange: (p) => update({ page: p > 1 ? p : undefined }),
            }}
            locale={{
              emptyText: <Empty description={looking ? '没有找到机关' : '报告库中还没有机关'} />,
            }}
          />
        </section>
      )}
      {editing && <EditBodyDialog body={editing} onClose={() => setEditing(null)} />}
      {merging && <MergeBodyDialog body={merging} onClose={() => setMerging(null)} />}
      {roster && <RosterDialog onClose={() => setRoster(false)} />}
    </div>
  );
}
