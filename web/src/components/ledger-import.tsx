/**
 * 导入台账: a register's ledger (XLSX or CSV, the headings of the exported one: the applications'
 * 办理台账, the cases' 复议诉讼台账) checked by the server first (dryRun) — each wrong row listed
 * with why — and stored only when every row is right. Used when an office starts with Gongkai
 * mid-year, so that the annual report counts every application and case.
 */
import { InboxOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Modal, Space, Table, Typography, Upload } from 'antd';
import { type ReactNode, useState } from 'react';
import { type LedgerImport, ledgerImportSchema } from '../../../src/api/contract/responses.js';
import { callForm, messageOf, searchOf } from '../lib/api.js';

/** Which ledger: where it is imported, what a row is, and the queries an import changes. */
export interface LedgerImportTarget {
  /** The import endpoint's path (POST, multipart). */
  url: string;
  /** What a row is: 申请, 案件. */
  noun: string;
  title: string;
  /** What the file should hold. */
  hint: ReactNode;
  invalidates: readonly (readonly string[])[];
}

const importUrl = (url: string, agency: string | undefined, dryRun: boolean) =>
  url + searchOf({ agency, ...(dryRun ? { dryRun: 'true' } : {}) });

/** The applications' and the cases' answers have one shape. */
async function send(url: string, file: File): Promise<LedgerImport> {
  const form = new FormData();
  form.append('file', file, file.name);
  return ledgerImportSchema.parse(await callForm(url, form));
}

export function LedgerImportButton({
  agencyId,
  target,
}: {
  agencyId: string | undefined;
  target: LedgerImportTarget;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<UploadOutlined />} disabled={agencyId === undefined} onClick={() => setOpen(true)}>
        导入台账
      </Button>
      {open && <LedgerImportModal agencyId={agencyId} target={target} onClose={() => setOpen(false)} />}
    </>
  );
}

function LedgerImportModal({
  agencyId,
  target,
  onClose,
}: {
  agencyId: string | undefined;
  target: LedgerImportTarget;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [checked, setChecked] = useState<LedgerImport | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setProblem(null);
    try {
      const result = await send(importUrl(target.url, agencyId, dryRun), file);
      if (dryRun || result.created === 0) setChecked(result);
      else {
        message.success(`已导入 ${result.created} 件${target.noun}`);
        for (const queryKey of target.invalidates) qc.invalidateQueries({ queryKey: [...queryKey] });
        onClose();
      }
    } catch (error) {
      setChecked(null);
      setProblem(messageOf(error));
    } finally {
      setBusy(false);
    }
  };

  const ready = checked !== null && checked.results.length === 0;
  return (
    <Modal
      open
      width={760}
      title={target.title}
      onCancel={onClose}
      footer={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button disabled={!file} loading={busy && !ready} onClick={() => run(true)}>
            检查
          </Button>
          <Button type="primary" disabled={!ready} loading={busy && ready} onClick={() => run(false)}>
            导入{ready ? ` ${checked.rows} 件` : ''}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{target.hint}</Typography.Paragraph>
      <Upload.Dragger
        accept=".xlsx,.csv,.txt"
        maxCount={1}
        beforeUpload={(f) => {
          setFile(f);
          setChecked(null);
          setProblem(null);
          return false;
        }}
        onRemove={() => {
          setFile(null);
          setChecked(null);
        }}
        fileList={file ? [{ uid: 'ledger', name: file.name, status: 'done' }] : []}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p>点击或拖入台账文件</p>
      </Upload.Dragger>
      {problem && <Alert type="error" showIcon role="alert" title={problem} style={{ marginTop: 12 }} />}
      {checked && ready && (
        <Alert
          type="success"
          showIcon
          title={`共 ${checked.rows} 件${target.noun}，检查无误`}
          style={{ marginTop: 12 }}
        />
      )}
      {checked && !ready && (
        <>
          <Alert
            type="error"
            showIcon
            role="alert"
            title={`共 ${checked.rows} 件，${checked.results.length} 件有问题；改正后重新选择文件检查`}
            style={{ marginTop: 12, marginBottom: 8 }}
          />
          <Table
            size="small"
            rowKey="line"
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            dataSource={checked.results}
            columns={[
              { title: '行', dataIndex: 'line', width: 60 },
              { title: '编号', dataIndex: 'number', width: 100, render: (n: string | null) => n ?? '—' },
              {
                title: '问题',
                dataIndex: 'messages',
                // Each problem of the row on its own line.
                render: (m: string[]) => m.map((text) => <div key={text}>{text}</div>),
              },
            ]}
          />
        </>
      )}
    </Modal>
  );
}
