/**
 * 「2 / 4」, a report's errors and warnings in a list, and under them how many of the errors are
 * figures that could not be read (「其中 1 个未能读出」): a better copy of the report may settle
 * those, while the rest are errors of the report itself.
 */
import { Typography } from 'antd';
import type { CorpusReportRow } from '../../../../src/api/corpus-contract.js';

export function ProblemCounts(props: { report: Pick<CorpusReportRow, 'errors' | 'warnings' | 'unread'> }) {
  const { errors, warnings, unread } = props.report;
  return (
    <span>
      <Typography.Text type={errors > 0 ? 'danger' : undefined}>{errors}</Typography.Text> / {warnings}
      {unread > 0 && (
        <Typography.Text
          type="secondary"
          style={{ display: 'block', fontSize: 12 }}
          title="读取时无法确定、记为空值的数字（换一份原文，如 DOCX、PDF，可能读得出），不是报告本身的错误"
        >
          其中 {unread} 个未能读出
        </Typography.Text>
      )}
    </span>
  );
}
