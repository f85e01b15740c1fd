/**
 * 机关 (curators: admins, supervisors, evaluators): the bodies of the corpus, as read from the names
 * their reports are signed with. A person corrects a body's name, places or kind, or merges two
 * spellings of one body; a new kind judges its reports again (deadline, lateness, 条例第五十条).
 * A body abolished (机构改革) gets its 撤销年份, so that 发布情况 stops expecting its reports.
 * The server looks the bodies up (text in the name or region, kind) and answers 50 at a time — a
 * national corpus has some 28,000 — and the search, kind and page live in the URL.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { z } from 'zod';
import type { bodyPatchBody, corpusListedBody } from '../../../../src/api/corpus-contract.js';
import { dissolvedYears } from '../../../../src/corpus/publication-status.js';
import { LoadError } from '../../components/query-state.js';
import { call, messageOf } from '../../lib/api.js';
import { useDebounced } from '../../lib/debounce.js';
import * as api from '../../lib/endpoints.js';
import { fieldsOf, showFieldErrors } from '../../lib/form-errors.js';
import { useUrlState } from '../../lib/url-state.js';
import { corpusBodiesQuery } from './api.js';
import { bodiesCount, bodiesPage, bodiesPageSize, lastBodiesPage } from './bodies.js';
import { bodyPath } from './body.js';
import { BodySelect } from './body-select.js';
import { kindNames } from './names.js';
import { PlaceSuggestions } from './place-suggestions.js';
import { bodiesUrl } from './url.js';

type Body = z.output<typeof corpusListedBody>;
type Kind = Body['kind'];

interface Values {
  name: string;
  province: string;
  city: string;
  county: string;
  kind: Kind;
  dissolvedIn: number | null;
}

/** After a correction or merge every view of the corpus may change: lists, stats, charts. */
function useCorpusChanged() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['corpus'] });
}

function EditBody({ body, onClose }: { body: Body; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const changed = useCorpusChanged();
  const [problem, setProblem] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (patch: z.input<typeof bodyPatchBody>) =>
      call(api.correctCorpusBody, { params: { bodyId: body.id }, body: patch }),
    onSuccess: (after) => {
      changed();
      message.success(
        after.kind === body.kind
          ? `已修改机关「${after.name}」`
          : `已修改机关「${after.name}」：其报告已按${kindNames[after.kind]}重新计算发布期限和是否逾期`,
      );
      onClose();
    },
    onError: (e) => {
      const rest = showFieldErrors(form, fieldsOf(e), [
        'name',
        'province',
        'city',
        'county',
        'kind',
        'dissolvedIn',
      ]);
      setProblem(Object.keys(fieldsOf(e)).length === 0 ? messageOf(e) : rest.join('；') || null);
    },
  });
  const submit = (v: Values) => {
    setProblem(null);
    // Only what changed is sent: the correction is audited field by field.
    const patch: Record<string, string | number | null> = {};
    if (v.name.trim() !== body.name) patch.name = v.name;
    for (const place of ['province', 'city', 'county'] as const)
      if ((v[place]?.trim() || null) !== body[place]) patch[place] = v[place] ?? '';
    if (v.kind !== body.kind) patch.kind = v.kind;
    // An emptied field clears the year: the body stands again.
    if ((v.dissolvedIn ?? null) !== body.dissolvedIn) patch.dissolvedIn = v.dissolvedIn ?? null;
    if (Object.keys(patch).length === 0) {
      onClose();
      return;
    }
    save.mutate(patch as z.input<typeof bodyPatchBody>);
  };
  return (
    <Modal
      open
      title={`修改机关「${body.name}」`}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      okText="保存"
      cancelText="取消"
    >
      {problem && <Alert type="error" showIcon role="alert" title={problem} style={{ marginBottom: 12 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          name: body.name,
          province: body.province ?? '',
          city: body.city ?? '',
          county: body.county ?? '',
          kind: body.kind,
          dissolvedIn: body.dissolvedIn,
        }}
      >
        <Form.Item label="名称" name="name" required>
          <Input />
        </Form.Item>
        <Space.Compact block>
          <Form.Item label="省" name="province" style={{ flex: 1 }}>
            <Input placeholder="未知" />
          </Form.Item>
          <Form.Item label="市" name="city" style={{ flex: 1 }}>
            <Input placeholder="未知" />
          </Form.Item>
          <Form.Item label="县（区）" name="county" style={{ flex: 1 }}>
            <Input placeholder="未知" />
          </Form.Item>
        </Space.Compact>
        <Form.Item
          label="机关类型"
          name="kind"
          extra="决定发布期限（条例第四十九条：部门 1 月 31 日前，人民政府 3 月 31 日前）和是否要求写明第五十条的内容；修改后该机关已导入的报告重新计算。"
        >
          <Radio.Group
            options={(Object.keys(kindNames) as Kind[]).map((k) => ({ value: k, label: kindNames[k] }))}
          />
        </Form.Item>
        <Form.Item
          label="撤销年份"
          name="dissolvedIn"
          extra="机构改革等撤销的机关：自该年度起不再发布年度报告，发布情况不再列为应发布（仍应发布上一年度的报告）。留空为未撤销。"
        >
          <InputNumber
            min={dissolvedYears.min}
            max={dissolvedYears.max}
            precision={0}
            placeholder="未撤销"
            style={{ width: 140 }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function MergeBody({ body, onClose }: { body: Body; onClose: () => void }) {
  const { message } = App.useApp();
  const changed = useCorpusChanged();
  const [target, setTarget] = useState<Body | undefined>();
  const [problem, setProblem] = useState<string | null>(null);
  const merge = useMutation({
    mutationFn: (into: string) => call(api.mergeCorpusBody, { params: { bodyId: body.id }, body: { into } }),
    onSuccess: (merged) => {
      changed();
      message.success(`已把「${body.name}」合并到「${merged.name}」`);
      onClose();
    },
    onError: (e) => setProblem(messageOf(e)),
  });
  return (
    <Modal
      open
      title={`合并机关「${body.name}」`}
      onCancel={onClose}
      onOk={() => (target ? merge.mutate(target.id) : setProblem('请选择合并到的机关'))}
      okButtonProps={{ danger: true }}
      confirmLoading={merge.isPending}
      okText="合并"
      cancelText="取消"
    >
      <Typography.Paragraph>
        同一机关的不同写法合并为一个：「{body.name}」的 {body.reports} 份报告并入所选机关（版本号接在其后），
        此后导入的这一写法也归入该机关。合并记入审计日志，不能在此撤销。
      </Typography.Paragraph>
      {problem && <Alert type="error" showIcon role="alert" title={problem} style={{ marginBottom: 12 }} />}
      <Form layout="vertical">
        <Form.Item label="合并到" required>
          <BodySelect
            label="合并到的机关"
            placeholder="输入名称或地区查找"
            exclude={body.id}
            value={target?.id}
            onChange={(b) => {
              setTarget(b);
              setProblem(null);
            }}
          />
        </Form.Item>
      </Form>
      {target && target.kind !== body.kind && (
        <Alert
          type="warning"
          showIcon
          title={`两者类型不同：并入后这些报告按${kindNames[target.kind]}计算发布期限和是否逾期`}
        />
      )}
    </Modal>
  );
}

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
        机关由报告的署名得出：地区和类型按名称判断。名称判断有误时在此修改；同一机关的不同写法（简称、旧称）合并为一个；机构改革等撤销的机关在「修改」中填写撤销年份，发布情况自该年度起不再列为应发布。
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
      {editing && <EditBody body={editing} onClose={() => setEditing(null)} />}
      {merging && <MergeBody body={merging} onClose={() => setMerging(null)} />}
    </div>
  );
}
