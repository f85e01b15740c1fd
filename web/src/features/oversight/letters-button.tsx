/**
 * 生成核查意见: the draft letters (核查意见) to the bodies of the current view, a ZIP of Word documents
 * — the newest version of each body's year, those late, undated or with problems found. A scope too
 * broad for one request is refused by the server with what to narrow; its message is shown.
 */
import { FileWordOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button } from 'antd';
import { callFile, messageOf } from '../../lib/api.js';
import { saveBlob } from '../../lib/download.js';
import * as api from '../../lib/endpoints.js';
import type { CorpusFilter } from './api.js';

export function LettersButton({ filter, disabled }: { filter: CorpusFilter; disabled?: boolean }) {
  const { message } = App.useApp();
  const letters = useMutation({
    mutationFn: async () => {
      const { blob, filename } = await callFile(api.corpusLetters, { query: { ...filter, to: 'docx' } }, {});
      saveBlob(blob, filename ?? '核查意见.zip');
    },
    onError: (error) => message.error(`生成核查意见失败：${messageOf(error)}`),
  });
  return (
    <Button
      icon={<FileWordOutlined />}
      loading={letters.isPending}
      disabled={disabled}
      onClick={() => letters.mutate()}
      title="当前筛选范围内每个机关每个年度的最新版本中，逾期、未注日期或发现问题的，各生成一份给该机关的核查意见草稿（Word，打包为 ZIP）"
    >
      生成核查意见
    </Button>
  );
}
