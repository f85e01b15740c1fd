/**
 * The corrections of a corpus body, shared by 机关 and 机关档案: 修改 (name, places, kind, 撤销年份 —
 * a new kind judges its reports again) and 合并到… (another spelling of one body folded into the body
 * chosen). Both are audited by the server, and every view of the corpus is asked again after them.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, InputNumber, Modal, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import type { z } from 'zod';
import type { bodyPatchBody, corpusListedBody } from '../../../../src/api/corpus-contract.js';
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
}

/** After a correction or merge every view of the corpus may change: lists, stats, charts. */
function useCorpusChanged() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['corpus'] });
}

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
