/**
 * 各部分正文: the prose of the report's parts, each in a text area labelled with the part's title and
 * holding the text drafted from the records (with its 【待补充：…】) until the office edits it.
 * 「恢复默认」 puts a part's draft back; 「更新预览」 (or Ctrl+Enter in a text area) checks the edits as
 * the API does and hands the parts that differ from their draft to the page, which compiles with them;
 * 「保存正文」 does the same and saves them on the server, where the next visit and every compile find them.
 */
import { Button, Form, Input, Space, Typography } from 'antd';
import { type KeyboardEvent, useState } from 'react';
import { proseMax } from '../../../../src/api/schemas.js';
import { normalizeProse } from '../../../../src/workflow/draft.js';
import { type DraftedPart, type Prose, proseOf, sameProse } from './prose.js';

export function ProseEditor({
  parts,
  applied,
  saved,
  saving,
  check,
  onApply,
  onSave,
}: {
  parts: readonly DraftedPart[];
  /** The prose the preview was compiled with. */
  applied: Prose;
  /** The prose saved on the server. */
  saved: Prose;
  saving: boolean;
  /** Checks prose as the API does: the message of each part refused, or none. */
  check: (prose: Prose) => Record<string, string>;
  onApply: (prose: Prose) => void;
  onSave: (prose: Prose) => void;
}) {
  const [edits, setEdits] = useState<Prose>(applied);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const prose = proseOf(parts, edits);
  const pending = !sameProse(prose, applied);

  const unsaved = !sameProse(prose, saved);

  /** Whether the edits pass the API's checks (each part refused shows its message). */
  const valid = (): boolean => {
    const blank: Record<string, string> = {};
    for (const [key, text] of Object.entries(prose))
      if (normalizeProse(text) === '') blank[key] = '正文不能为空；要用生成的默认文字，请点「恢复默认」';
    const found = Object.keys(blank).length > 0 ? blank : check(prose);
    setErrors(found);
    return Object.keys(found).length === 0;
  };
  const apply = () => {
    if (valid()) onApply(prose);
  };
  const save = () => {
    if (!valid()) return;
    onApply(prose);
    onSave(prose);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      apply();
    }
  };
  const edit = (key: string, text: string | undefined) => {
    setEdits(({ [key]: _, ...rest }) => (text === undefined ? rest : { ...rest, [key]: text }));
    setErrors(({ [key]: _, ...rest }) => rest);
  };

  return (
    <Form layout="vertical" aria-label="各部分正文">
      <Space wrap style={{ marginBottom: 8 }}>
        <Button type={pending ? 'primary' : 'default'} disabled={!pending} onClick={apply}>
          更新预览
        </Button>
        <Button disabled={!unsaved} loading={saving} onClick={save}>
          保存正文
        </Button>
        <Typography.Text type={pending || unsaved ? 'warning' : 'secondary'} role="status">
          {pending
            ? '正文有修改，尚未更新到预览和下载的报告'
            : unsaved
              ? '预览与下方正文一致；正文尚未保存'
              : '预览与下方正文一致，已保存'}
        </Typography.Text>
      </Space>
      {parts.map((part) => {
        const id = `prose-${part.key}`;
        const value = edits[part.key] ?? part.text;
        return (
          <Form.Item
            key={part.key}
            label={part.title}
            htmlFor={id}
            validateStatus={errors[part.key] ? 'error' : undefined}
            help={errors[part.key]}
            extra={
              <Button
                size="small"
                type="link"
                style={{ paddingInline: 0 }}
                disabled={edits[part.key] === undefined}
                aria-label={`恢复默认：${part.title}`}
                onClick={() => edit(part.key, undefined)}
              >
                恢复默认
              </Button>
            }
          >
            <Input.TextArea
              id={id}
              value={value}
              autoSize={{ minRows: 2, maxRows: 12 }}
              maxLength={proseMax}
              onChange={(e) => edit(part.key, e.target.value)}
              onKeyDown={onKeyDown}
            />
          </Form.Item>
        );
      })}
    </Form>
  );
}
