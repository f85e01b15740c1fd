/**
 * 导入台账: an office's ledger (XLSX or CSV, the headings of the exported one) checked by the server
 * first (dryRun) — each wrong row listed with why — and stored only when every row is right. Used
 * when an office starts with Gongkai mid-year, so that the annual report counts every application.
 */
import { InboxOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Modal, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { type LedgerImport, ledgerImportSchema } from '../../../../src/api/contract/responses.js';
import { callForm, messageOf, searchOf } from '../../lib/api.js';
import * as api from '../../lib/endpoints.js';

const importUrl = (agency: string | undefined, dryRun: boolean) =>
  api.importApplications.url + searchOf({ agency, ...(dryRun ? { dryRun: 'true' } : {}) });

async function send(file: File, agency: string | undefined, dryRun: boolean): Promise<LedgerImport> {
  const form = new FormData();
  form.append('file', file, file.name);
  return ledgerImportSchema.parse(await callForm(importUrl(agency, dryRun), form));
}

export function LedgerImportButton({ agencyId }: { agencyId: string | undefined }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<UploadOutlined />} disabled={agencyId === undefined} onClick={() => setOpen(true)}>
        导入台账
      </Button>
      {open && <LedgerImportModal agencyId={agencyId} onClose={() => setOpen(false)} />}
    </>
  );
}

function LedgerImportModal({ agencyId, onClose }: { agencyId: string | undefined; onClose: () => void }) {
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
      const result = await send(file, agencyId, dryRun);
      if (dryRun || result.created === 0) setChecked(result);
      else {
        message.success(`已导入 ${result.created} 件申请`);
        qc.invalidateQueries({ queryKey: ['applications'] });
        qc.invalidateQueries({ queryKey: ['due'] });
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
      title="导入办理台账"
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
      <Typography.Paragraph type="secondary">
        XLSX 或 CSV 文件，第一行为列名，同「导出
        Excel」的办理台账（可先导出一份作为模板）；必填：申请人类型、提交渠道、提交日期。
        邮寄的申请填写签收日期、互联网等渠道填写确认日期（「收到日期」列）；办理过程按台账的写法，或只填答复日期和办理结果。
        先检查，全部无误才能导入。
      </Typography.Paragraph>
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
          title={`共 ${checked.rows} 件申请，检查无误`}
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
              { title: '问题', dataIndex: 'messages', render: (m: string[]) => m.join('；') },
            ]}
          />
        </>
      )}
    </Modal>
  );
}
