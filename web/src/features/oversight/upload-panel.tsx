/** 导入报告: files (or .zip) uploaded to the corpus, with each file's progress and the summary. */
import { InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Upload, type UploadProps } from 'antd';
import type { RcFile } from 'antd/es/upload';
import { useRef, useState } from 'react';
import { uploadLimitBytes } from '../../../../src/api/corpus-contract.js';
import { messageOf } from '../../lib/api.js';
import { uploadWithProgress } from './api.js';
import { addSummaries, type Summary } from './summary.js';

/** How often the corpus views are refreshed while an upload is being ingested. */
const refreshEveryMs = 5000;

export function UploadPanel() {
  const queryClient = useQueryClient();
  const [summaries, setSummaries] = useState<Summary[]>([]);
  // Each file's reports ingested so far, while it is being ingested (a .zip of scans takes minutes).
  const refreshed = useRef(0);
  const [progress, setProgress] = useState<Record<string, { name: string; done: number; total: number }>>({});
  const props: UploadProps = {
    name: 'files',
    multiple: true,
    beforeUpload: (file) => (file.size > uploadLimitBytes ? Upload.LIST_IGNORE : true),
    customRequest: ({ file, onProgress, onSuccess, onError }) => {
      const f = file as RcFile;
      const forget = () => setProgress(({ [f.uid]: _, ...rest }) => rest);
      uploadWithProgress(f, (done, total) => {
        setProgress((p) => ({ ...p, [f.uid]: { name: f.name, done, total } }));
        onProgress?.({ percent: total === 0 ? 0 : Math.floor((done * 100) / total) });
        // The reports ingested so far appear in the list and charts as they come (every few seconds).
        if (done > 0 && Date.now() - refreshed.current > refreshEveryMs) {
          refreshed.current = Date.now();
          void queryClient.invalidateQueries({ queryKey: ['corpus'] });
        }
      })
        .then((summary) => {
          forget();
          setSummaries((s) => [...s, summary]);
          void queryClient.invalidateQueries({ queryKey: ['corpus'] });
          onSuccess?.(summary);
        })
        .catch((error: unknown) => {
          forget();
          onError?.(new Error(messageOf(error)));
        });
    },
  };
  const running = Object.entries(progress);
  const total = addSummaries(summaries);
  return (
    <div>
      <Upload.Dragger {...props}>
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">把报告文件拖到这里，或点击选择</p>
        <p className="ant-upload-hint">
          支持文本、网页（含 MHT 单个文件网页）、DOCX、DOC、PDF、OFD、扫描件（PDF 或 PNG、JPEG、TIFF
          图片，经文字识别读取）与 ZIP 压缩包，每次不超过 {uploadLimitBytes / 1024 / 1024} MB
        </p>
      </Upload.Dragger>
      {running.length > 0 && (
        <Alert
          style={{ marginTop: 12 }}
          type="info"
          showIcon
          role="status"
          title="正在导入"
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {running.map(([uid, p]) => (
                <li key={uid}>
                  {p.name}：{p.total === 0 ? '正在读取……' : `已导入 ${p.done} / ${p.total} 份`}
                </li>
              ))}
            </ul>
          }
        />
      )}
      {summaries.length > 0 && (
        <Alert
          style={{ marginTop: 12 }}
          type={total.unreadable.length > 0 ? 'warning' : 'success'}
          showIcon
          role="status"
          title={`共读取 ${total.read} 份：新增 ${total.added} 份，新版本 ${total.versions} 份，已有 ${total.known} 份，无法读取 ${total.unreadable.length} 份`}
          description={
            total.unreadable.length > 0 ? (
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {total.unreadable.map((u) => (
                  <li key={u.path}>
                    {u.path}：{u.reason}
                  </li>
                ))}
              </ul>
            ) : undefined
          }
        />
      )}
    </div>
  );
}
