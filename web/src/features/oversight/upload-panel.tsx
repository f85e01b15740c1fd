/** 导入报告: files (or .zip) uploaded to the corpus, with each file's progress and the summary. */
import { InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Upload, type UploadProps } from 'antd';
import { useState } from 'react';
import { uploadLimitBytes } from '../../../../src/api/corpus-contract.js';
import { uploadUrl } from './api.js';
import { addSummaries, type Summary } from './summary.js';

export function UploadPanel() {
  const queryClient = useQueryClient();
  const [summaries, setSummaries] = useState<Summary[]>([]);
  const props: UploadProps = {
    name: 'files',
    multiple: true,
    action: uploadUrl,
    withCredentials: true,
    beforeUpload: (file) => (file.size > uploadLimitBytes ? Upload.LIST_IGNORE : true),
    onChange: ({ file }) => {
      if (file.status === 'done') {
        setSummaries((s) => [...s, file.response as Summary]);
        void queryClient.invalidateQueries({ queryKey: ['corpus'] });
      }
    },
  };
  const total = addSummaries(summaries);
  return (
    <div>
      <Upload.Dragger {...props}>
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">把报告文件拖到这里，或点击选择</p>
        <p className="ant-upload-hint">
          支持文本、网页、DOCX、PDF、扫描件（PDF 或 PNG、JPEG、TIFF 图片，经文字识别读取）与 ZIP
          压缩包，每次不超过 {uploadLimitBytes / 1024 / 1024} MB
        </p>
      </Upload.Dragger>
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
