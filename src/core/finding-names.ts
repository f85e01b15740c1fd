/**
 * A short Chinese name for each finding code, for people: chart axes, lists and exports show the
 * name beside the code (`check.row-sum` → 「合计与各项之和不符」). The code stays the interchange key;
 * the name is only a label. A code without a name (a newer engine, a foreign report) shows as itself.
 */
export const findingNames: Readonly<Record<string, string>> = {
  // Reading the file.
  'read.decode': '文字解码有误',
  'read.doc-numbering': 'DOC 自动编号未读出',
  'read.doc-revisions': 'DOC 含未接受的修订',
  'read.docx-altchunk': 'DOCX 嵌入内容无法读取',
  'read.docx-revisions': 'DOCX 含未接受的修订',
  'read.html-nesting': '网页标签嵌套过深',
  'read.ofd-no-text': 'OFD 页无文字',
  'read.ofd-pages': 'OFD 页数超过上限',
  'read.pdf-no-text': 'PDF 页无文字层',
  'read.pdf-garbled': 'PDF 文字层无法解码，按扫描件识别',
  'read.pdf-page': 'PDF 页已损坏',
  'read.pdf-pages': 'PDF 页数超过上限',
  'read.ocr': '经文字识别读取',
  'read.ocr-doubt': '识别把握不足',
  'read.ocr-identity': '识别结果与勾稽关系不符',
  'read.ocr-page': '页面无法识别',
  'read.ocr-pages': '图片过多未全部识别',
  'read.ocr-skipped': '图片无法识别已跳过',
  // Assembling the report from the blocks.
  'assemble.after-signature': '落款后还有文字',
  'assemble.bad-figure': '无效的数字',
  'assemble.blank-cell': '单元格空白',
  'assemble.collapsed-group': '子项只填了合计',
  'assemble.format-guessed': '格式版本系推断',
  'assemble.label-damaged': '行标签有误',
  'assemble.label-moved': '行标签位置不合格式',
  'assemble.no-tables': '未找到统计表格',
  'assemble.row-missing': '缺少表格行',
  'assemble.row-shape': '行内数字个数不符',
  'assemble.split': '连写数字唯一拆分',
  'assemble.split-ambiguous': '连写数字无法确定拆分',
  'assemble.split-blank': '连写数字中可能有空白单元格',
  'assemble.split-fragile': '连写数字拆分存疑',
  'assemble.split-inconsistent': '连写数字无一拆分相符',
  'assemble.split-prose': '连写数字按正文拆分',
  'assemble.split-settled': '连写数字按勾稽关系拆分',
  'assemble.stray-figures': '表格后有不属于任何行的数字',
  'assemble.page-number': '表格的数字中可能混有页码',
  'assemble.after-foot': '一行的最后一个数字排在页脚之后',
  'assemble.stray-text': '表格中有零散文字',
  'assemble.extra-row': '表格中有格式以外的行',
  'assemble.table-missing': '缺少统计表格',
  'assemble.truncated': '文件在表格中截断',
  'assemble.unit': '数字带有单位',
  // Checking one report.
  'check.article-50': '缺少第五十条规定的内容',
  'check.balance': '表三总体勾稽关系不符',
  'check.balance-note-missing': '缺少勾稽关系说明',
  'check.format-year': '无法核对格式与年度',
  'check.fractional': '件数为小数',
  'check.label-variant': '表格标签用语不规范',
  'check.late': '逾期发布',
  'check.litigation-sum': '复议诉讼合计不符',
  'check.negative': '数字为负数',
  'check.parts-announced': '部分数与开头所称不符',
  'check.placeholder': '留有占位文字',
  'check.prose-applications': '正文申请数与表格不符',
  'check.prose-litigation': '正文复议诉讼数与表格不符',
  'check.prose-proactive-sum': '正文主动公开数与表格不符',
  'check.results-sum': '办理结果合计不符',
  'check.row-sum': '合计与各项之和不符',
  'check.section-duplicate': '部分标题重复',
  'check.section-missing': '缺少部分',
  'check.section-order': '部分顺序有误',
  // Checking a body's reports year against year, and reports against each other.
  'corpus.carry-over': '结转数与上年不符',
  'corpus.changed': '同一年度有不同版本',
  'corpus.copied-text': '正文与上年或其他机关雷同',
  'corpus.jump': '数字较上年大幅变化',
  'corpus.missing-year': '缺少某年度报告',
  'corpus.stock': '现行有效件数与上年不符',
};

/** The Chinese name of a finding code, or the code itself when it has none. */
export function findingName(code: string): string {
  return findingNames[code] ?? code;
}
