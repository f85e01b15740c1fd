/**
 * The corrections of a corpus body, shared by 机关 and 机关档案: 修改 (name, places, kind, 撤销年份 —
 * a new kind judges its reports again) and 合并到… (another spelling of one body folded into the body
 * chosen). Both are audited by the server, and every view of the corpus is asked again after them.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Form,
  Input,
  InputNumber,
  type InputNumberProps,
  Modal,
  Radio,
  Space,
  Typography,
} from 'antd';
import { useState } from 'react';
import type { z } from 'zod';
import type { bodyPatchBody, corpusListedBody, rosterEntry } from '../../../../src/api/corpus-contract.js';
import { rosterNames } from '../../../../src/corpus/bodies/names.js';
import { dissolvedYears } from '../../../../src/corpus/publication-status.js';
import { call, messageOf } from '../../lib/api.js';
import * as api from '../../lib/endpoints.js';
import { fieldsOf, showFieldErrors } from '../../lib/form-errors.js';
import { BodySelect } from './body-select.js';
import { kindNames } from './names.js';

/** A body as the dialogs take it: the listed body's fields (机关档案's body has them too). */
export type Body = z.output<typeof corpusListedBody>;
type Kind = Body['kind'];

interface Values {
  name: string;
  province: string;
  city: string;
  county: string;
  kind: Kind;
  dissolvedIn: number | null;
  expectedFrom: number | null;
}

/** After a correction or merge every view of the corpus may change: lists, stats, charts. */
function useCorpusChanged() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['corpus'] });
}

/** A year a body's record takes (撤销年份, 应发布起始年度): whole, within the years the server takes. */
const YearInput = (props: InputNumberProps<number>) => (
  <InputNumber
    min={dissolvedYears.min}
    max={dissolvedYears.max}
    precision={0}
    style={{ width: 140 }}
    {...props}
  />
);

export function EditBodyDialog({ body, onClose }: { body: Body; onClose: () => void }) {
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
        'expectedFrom',
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
    if ((v.expectedFrom ?? null) !== body.expectedFrom) patch.expectedFrom = v.expectedFrom ?? null;
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
          expectedFrom: body.expectedFrom,
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
          label="应发布起始年度"
          name="expectedFrom"
          extra="应发布名录：自该年度起应发布年度报告，报告库中没有其报告也在发布情况中列为应发布。留空为自报告库中其最早一份报告的年度起。"
        >
          <YearInput placeholder="按最早的报告" />
        </Form.Item>
        <Form.Item
          label="撤销年份"
          name="dissolvedIn"
          extra="机构改革等撤销的机关：自该年度起不再发布年度报告，发布情况不再列为应发布（仍应发布上一年度的报告）。留空为未撤销。"
        >
          <YearInput placeholder="未撤销" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function MergeBodyDialog({ body, onClose }: { body: Body; onClose: () => void }) {
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

/** The year the list's bodies owe reports from, by default: the year whose reports fall due this year (the browser's). */
const defaultRosterYear = (): number => new Date().getFullYear() - 1;

/**
 * 导入应发布名录 (evaluators; supervisors within their scope): the bodies that must publish, a name a line (pasted
 * from a list), from a year; the server makes the bodies it doesn't have and answers each name's body,
 * shown here — those made, and the names that are another spelling of a body.
 */
export function RosterDialog({ onClose }: { onClose: () => void }) {
  const changed = useCorpusChanged();
  const [text, setText] = useState('');
  const [from, setFrom] = useState<number | null>(defaultRosterYear());
  const [problem, setProblem] = useState<string | null>(null);
  const names = rosterNames(text);
  const count = new Set(names.filter((n) => n !== '')).size;
  const save = useMutation({
    mutationFn: () => call(api.importCorpusRoster, { body: { names, from: from as number } }),
    onSuccess: () => changed(),
    onError: (e) => setProblem(messageOf(e)),
  });
  const result = save.data;
  return (
    <Modal
      open
      title="导入应发布名录"
      onCancel={onClose}
      onOk={() =>
        result
          ? onClose()
          : count === 0
            ? setProblem('请填写机关名称，每行一个')
            : from === null
              ? setProblem('请填写应发布起始年度')
              : save.mutate()
      }
      okText={result ? '完成' : `导入 ${count} 个机关`}
      cancelButtonProps={{ style: result ? { display: 'none' } : undefined }}
      confirmLoading={save.isPending}
      cancelText="取消"
      width={640}
    >
      <Typography.Paragraph type="secondary">
        发布情况只把报告库中有报告的机关算作应发布，从未发布过报告的机关不会出现。导入本地区应发布年度报告的机关名录后，
        名录中的机关自该年度起应发布：报告库中没有的按名称新建（地区、类型由名称判断），已有的（含其其他写法）记下起始年度。
      </Typography.Paragraph>
      {problem && <Alert type="error" showIcon role="alert" title={problem} style={{ marginBottom: 12 }} />}
      {result ? (
        <RosterResult entries={result} from={from as number} />
      ) : (
        <Form layout="vertical">
          <Form.Item label="机关名称（每行一个；从表格复制时取每行第一列）" required>
            <Input.TextArea
              aria-label="机关名称"
              rows={10}
              value={text}
              onChange={(e) => {
                setText(e.target.value);
                setProblem(null);
              }}
              placeholder={'泉州市洛江区教育局\n泉州市洛江区财政局'}
            />
          </Form.Item>
          <Form.Item label="应发布起始年度" required>
            <YearInput aria-label="应发布起始年度" value={from} onChange={(v) => setFrom(v)} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}

function RosterResult({ entries, from }: { entries: z.output<typeof rosterEntry>[]; from: number }) {
  const created = entries.filter((e) => e.created);
  const spelled = entries.filter((e) => !e.created && e.name !== e.bodyName);
  return (
    <section aria-label="导入结果">
      <Alert
        type="success"
        showIcon
        role="status"
        title={`已导入 ${entries.length} 个机关（新建 ${created.length} 个），自 ${from} 年度起应发布（此前已设定更早年度的不变）`}
        style={{ marginBottom: 12 }}
      />
      {created.length > 0 && (
        <Typography.Paragraph>新建：{created.map((e) => e.bodyName).join('、')}</Typography.Paragraph>
      )}
      {spelled.length > 0 && (
        <Typography.Paragraph>
          名录的写法与报告库不同（按同一机关计）：{spelled.map((e) => `${e.name} → ${e.bodyName}`).join('、')}
        </Typography.Paragraph>
      )}
    </section>
  );
}
