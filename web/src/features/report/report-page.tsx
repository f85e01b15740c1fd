/**
 * 年度报告: choose a year, see the report compiled from the register in the official layout with the
 * checker's findings beside it, set the signature block (the agency's name, which an admin may
 * change, and 成文日期) and the publication date as the compile request takes them, edit the prose of
 * each part (in place of the text drafted from the records) and save it for next time, and download it as DOCX, PDF, HTML or
 * Markdown: the preview, the findings and the downloads are all of the report compiled with them.
 */
import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Col, Empty, Form, Input, List, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { z } from 'zod';
import { compileBody } from '../../../../src/api/schemas.js';
import { findingName } from '../../../../src/core/finding-names.js';
import { AgencySelect, useAgency } from '../../components/agency-select.js';
import { OfficialView } from '../../components/official-view.js';
import { LoadError, Loading } from '../../components/query-state.js';
import { SeverityTag } from '../../components/severity-tag.js';
import { YearSelect } from '../../components/year-select.js';
import { call, callFile, fieldErrors, messageOf } from '../../lib/api.js';
import { saveBlob } from '../../lib/download.js';
import * as api from '../../lib/endpoints.js';
import { showFieldErrors } from '../../lib/form-errors.js';
import { reportDeadline } from '../../lib/report-deadline.js';
import { meQuery, useMe } from '../../lib/session.js';
import { useServerToday, useYear } from '../../lib/today.js';
import { useUrlState } from '../../lib/url-state.js';
import { type DraftedPart, type Prose, proseOf } from './prose.js';
import { ProseEditor } from './prose-editor.js';

const url = z.object({ year: z.coerce.number().int().min(2008).max(2099).optional() });

/** The signature block and the publication date, as the compile request takes them. */
const dateFields = ['signedOn', 'publishedOn'] as const;
type Dates = Partial<Record<(typeof dateFields)[number], string>>;

const formats = [
  { to: 'docx', label: 'DOCX' },
  { to: 'pdf', label: 'PDF' },
  { to: 'html', label: '网页 HTML' },
  { to: 'md', label: 'Markdown' },
] as const;

export default function ReportPage() {
  const [state, update] = useUrlState(url);
  const { agencyId, agencies } = useAgency();
  // Without a year in the URL: the report due next (last year's until its deadline has passed).
  const today = useServerToday();
  const dueYear = today
    ? reportDeadline(today, agencies.find((a) => a.id === agencyId)?.name).year
    : undefined;
  const year = useYear(state.year ?? dueYear);
  const { message } = App.useApp();
  const me = useMe();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Dates & { agencyName: string }>();
  const [dates, setDates] = useState<Dates>({});
  const [busy, setBusy] = useState<string | null>(null);
  // The parts' prose belongs to one agency's year: another year starts from the text saved for it.
  const scope = `${agencyId ?? ''}:${year}`;
  const saved = useQuery({
    queryKey: ['report-prose', agencyId, year],
    queryFn: () => call(api.getReportProse, { params: { agencyId: agencyId as string, year } }),
    enabled: agencyId !== undefined,
  });
  const savedProse: Prose = saved.data?.prose ?? {};
  const [edited, setEdited] = useState<{ scope: string; prose: Prose } | null>(null);
  const prose = edited?.scope === scope ? edited.prose : savedProse;
  // The page sends the prose it shows: parts not given are the drafts, never a text saved meanwhile.
  const body = {
    agencyId,
    year,
    ...dates,
    ...(Object.keys(prose).length > 0 ? { prose } : {}),
    savedProse: false,
  };
  const agency = me.data?.agencies.find((a) => a.id === agencyId);
  const isAdmin = me.data?.user.role === 'admin' && me.data.user.agencyId === agencyId;

  /** Checks the dates as the API does, then compiles with them. */
  const apply = (values: Dates) => {
    const next: Dates = {};
    for (const k of dateFields) if (values[k]) next[k] = values[k]?.trim();
    const checked = compileBody.safeParse({ agencyId, year, ...next });
    form.setFields(dateFields.map((name) => ({ name, errors: [] })));
    if (!checked.success) {
      const unplaced = showFieldErrors(form, fieldErrors(checked.error), dateFields);
      if (unplaced.length > 0) message.error(unplaced.join('；'));
      return;
    }
    setDates(next);
  };

  const saveName = async () => {
    const name = (form.getFieldValue('agencyName') as string | undefined)?.trim() ?? '';
    if (!agencyId || name === '' || name === agency?.name) return;
    setBusy('name');
    try {
      await call(api.updateAgency, { params: { agencyId }, body: { name } });
      await queryClient.invalidateQueries({ queryKey: meQuery().queryKey });
      await queryClient.invalidateQueries({ queryKey: ['compile'] });
      await queryClient.invalidateQueries({ queryKey: ['compile-html'] });
      message.success('已保存机关名称');
    } catch (e) {
      message.error(messageOf(e));
    } finally {
      setBusy(null);
    }
  };

  // The report shown waits for the saved prose (a failure to load it compiles the drafts, and the
  // prose panel says so): compiled before it, it would show the drafts as if nothing were saved.
  const compiled = useQuery({
    queryKey: ['compile', body],
    queryFn: () => call(api.compile, { query: {}, body }),
    enabled: agencyId !== undefined && !saved.isPending,
  });
  // The parts as drafted from the records (what 「恢复默认」 puts back): the same request without
  // dates or prose, so before any edit it is the report shown.
  const drafted = useQuery({
    queryKey: ['compile', { agencyId, year, savedProse: false }],
    queryFn: () => call(api.compile, { query: {}, body: { agencyId, year, savedProse: false } }),
    enabled: agencyId !== undefined && saved.isSuccess,
  });
  /** Saves the prose shown (a part back at its draft is removed), so that it is there next time. */
  const saveProse = async (next: Prose) => {
    if (!agencyId) return;
    setBusy('prose');
    try {
      const change: Record<string, string | null> = {};
      for (const part of parts) change[part.key] = next[part.key] ?? null;
      await call(api.setReportProse, { params: { agencyId, year }, body: { prose: change } });
      await queryClient.invalidateQueries({ queryKey: ['report-prose', agencyId, year] });
      message.success('已保存各部分正文');
    } catch (e) {
      message.error(messageOf(e));
    } finally {
      setBusy(null);
    }
  };
  const parts: DraftedPart[] = (drafted.data?.report.sections ?? []).map((s) => ({
    key: String(s.number),
    title: s.title,
    text: s.text,
  }));
  /** Checks the parts' prose as the API does: the message of each part refused. */
  const checkProse = (next: Prose): Record<string, string> => {
    const checked = compileBody.safeParse({ agencyId, year, ...dates, prose: next });
    const out: Record<string, string> = {};
    if (!checked.success)
      for (const [path, text] of Object.entries(fieldErrors(checked.error))) {
        const [head, key] = path.split('.');
        if (head === 'prose' && key !== undefined) out[key] = text;
        else message.error(text);
      }
    return out;
  };
  const html = useQuery({
    queryKey: ['compile-html', body],
    queryFn: async () => (await callFile(api.compile, { query: { to: 'html' }, body }, {})).blob.text(),
    enabled: agencyId !== undefined && compiled.isSuccess,
  });

  const download = async (to: (typeof formats)[number]['to']) => {
    setBusy(to);
    try {
      const file = await callFile(api.compile, { query: { to }, body }, {});
      saveBlob(file.blob, file.filename ?? `年度报告-${year}.${to}`);
    } catch (e) {
      message.error(messageOf(e));
    } finally {
      setBusy(null);
    }
  };

  const findings = (compiled.data?.findings ?? []) as {
    code: string;
    severity: string;
    message: string;
    line?: number | null;
  }[];

  return (
    <>
      <div className="gk-panel">
        <Space wrap>
          <AgencySelect />
          <YearSelect value={year} onChange={(y) => update({ year: y })} label="报告年度" />
          <Button icon={<ReloadOutlined />} onClick={() => compiled.refetch()}>
            重新生成
          </Button>
          {formats.map((f) => (
            <Button
              key={f.to}
              icon={<DownloadOutlined />}
              loading={busy === f.to}
              disabled={!compiled.isSuccess}
              onClick={() => download(f.to)}
            >
              下载 {f.label}
            </Button>
          ))}
        </Space>
        <Form
          form={form}
          layout="inline"
          style={{ marginTop: 12, rowGap: 8 }}
          aria-label="落款和发布日期"
          onFinish={apply}
          initialValues={{ agencyName: agency?.name ?? '' }}
          key={agency?.id ?? ''}
        >
          <Form.Item label="落款机关名称" name="agencyName" tooltip="落款印本机关的名称；管理员可在此修改">
            <Input style={{ width: 240 }} disabled={!isAdmin} />
          </Form.Item>
          {isAdmin && (
            <Form.Item>
              <Button loading={busy === 'name'} onClick={saveName}>
                保存机关名称
              </Button>
            </Form.Item>
          )}
          <Form.Item label="成文日期" name="signedOn">
            <Input placeholder="YYYY-MM-DD" style={{ width: 130 }} />
          </Form.Item>
          <Form.Item label="发布日期" name="publishedOn">
            <Input placeholder="YYYY-MM-DD" style={{ width: 130 }} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit">
              按此生成
            </Button>
          </Form.Item>
        </Form>
      </div>
      <Row gutter={12}>
        <Col span={16}>
          <div className="gk-panel">
            <Typography.Title level={2} style={{ fontSize: 16 }}>
              报告正文（按规定格式）
            </Typography.Title>
            {compiled.error ? (
              <LoadError error={compiled.error} retry={() => compiled.refetch()} />
            ) : html.isPending || compiled.isPending ? (
              <Loading tip="正在生成报告……" />
            ) : html.error ? (
              <LoadError error={html.error} retry={() => html.refetch()} />
            ) : (
              <OfficialView html={html.data ?? ''} label={`${year}年度报告正文`} />
            )}
          </div>
        </Col>
        <Col span={8}>
          <section className="gk-panel" aria-labelledby="report-findings">
            <Typography.Title level={2} style={{ fontSize: 16 }} id="report-findings">
              核查结果
            </Typography.Title>
            {compiled.isPending ? (
              <Loading />
            ) : (
              <List
                size="small"
                dataSource={findings}
                locale={{
                  emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="未发现问题" />,
                }}
                renderItem={(f) => (
                  <List.Item>
                    <Space orientation="vertical" size={0}>
                      <span>
                        <SeverityTag severity={f.severity} />
                        <Typography.Text strong>{findingName(f.code)}</Typography.Text>{' '}
                        <Typography.Text code>{f.code}</Typography.Text>
                      </span>
                      <span>{f.message}</span>
                    </Space>
                  </List.Item>
                )}
              />
            )}
          </section>
          <div className="gk-panel">
            <Typography.Title level={2} style={{ fontSize: 16 }}>
              各部分正文
            </Typography.Title>
            {saved.error ? (
              <LoadError error={saved.error} retry={() => saved.refetch()} />
            ) : drafted.error ? (
              <LoadError error={drafted.error} retry={() => drafted.refetch()} />
            ) : saved.isPending || drafted.isPending ? (
              // The editor starts from the saved prose, once: never mounted before it is known
              // (a compile of the drafts has the drafted query's key and may answer first).
              <Loading />
            ) : (
              <ProseEditor
                key={scope}
                parts={parts}
                applied={prose}
                saved={proseOf(parts, savedProse)}
                saving={busy === 'prose'}
                check={checkProse}
                onApply={(next) => setEdited({ scope, prose: next })}
                onSave={saveProse}
              />
            )}
          </div>
        </Col>
      </Row>
    </>
  );
}
