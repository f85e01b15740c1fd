/**
 * 生成核查意见（Word）: the draft letter to the body about the report inspected — made from the
 * inspection's answer for a file dropped here, or by the corpus for a corpus report (which also
 * compares it with the body's other years).
 */
import { FileWordOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button } from 'antd';
import type { InspectResult } from '../../../../src/api/inspect-contract.js';
import { callFile, messageOf } from '../../lib/api.js';
import { saveBlob } from '../../lib/download.js';
import * as api from '../../lib/endpoints.js';

export function LetterButton({ result, corpusReport }: { result: InspectResult; corpusReport?: number }) {
  const { message } = App.useApp();
  const make = useMutation({
    mutationFn: async () => {
      const { name, format, agency, year, publishedOn, signedOn, findings } = result;
      const { blob, filename } =
        corpusReport !== undefined
          ? await callFile(
              api.corpusLetter,
              { params: { reportId: corpusReport }, query: { to: 'docx' } },
              {},
            )
          : await callFile(
              api.inspectLetter,
              {
                query: { to: 'docx' },
                body: { name, format, agency, year, publishedOn, signedOn, findings },
              },
              {},
            );
      saveBlob(blob, filename ?? '核查意见.docx');
    },
    onError: (error) => message.error(`生成核查意见失败：${messageOf(error)}`),
  });
  return (
    <Button
      size="small"
      icon={<FileWordOutlined />}
      loading={make.isPending}
      onClick={() => make.mutate()}
      title="给该机关的核查意见草稿：发布是否逾期、错误和需要核实的问题（附在表格中的位置），按 GB/T 9704 排版，改定后印发"
    >
      生成核查意见（Word）
    </Button>
  );
}
