/**
 * 错误类型: choose reports by the kind of their errors (problem-kinds.ts) — of the report itself,
 * which the checks find and a 核查意见 tells its body, or figures not read, which a better copy of
 * the report may settle. 监督概览 lists such reports; 统计对比 counts only them.
 */
import { Select } from 'antd';
import { type ProblemKind, problemKindNames, problemKinds } from '../../../../src/corpus/problem-kinds.js';

export function ProblemSelect(props: {
  value: ProblemKind | undefined;
  onChange: (value: ProblemKind | undefined) => void;
}) {
  return (
    <Select
      aria-label="错误类型"
      placeholder="错误类型"
      title="报告本身的错误由核查发现，写进给机关的核查意见；未能读出的数字记为空值，换一份原文（DOCX、PDF）可能读得出"
      allowClear
      style={{ width: 170 }}
      value={props.value}
      onChange={(problem) => props.onChange(problem)}
      options={problemKinds.map((k) => ({ value: k, label: problemKindNames[k] }))}
    />
  );
}
