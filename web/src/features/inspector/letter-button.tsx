/**
 * 生成核查意见（Word）: the draft letter to the body about the report inspected — made from the
 * inspection's answer for a file dropped here, or by the corpus for a corpus report (which also
 * compares it with the body's other years).
 */
import type { InspectResult } from '../../../../src/api/inspect-contract.js';
import { DraftButton } from '../../components/draft-button.js';
import * as api from '../../lib/endpoints.js';

const title =
  '给该机关的核查意见草稿：发布是否逾期、错误和需要核实的问题（附在表格中的位置），按 GB/T 9704 排版，改定后印发';

export function LetterButton({ result, corpusReport }: { result: InspectResult; corpusReport?: number }) {
  const { name, format, agency, year, publishedOn, signedOn, findings } = result;
  const common = { fallbackName: '核查意见.docx', what: '核查意见', title, size: 'small' as const };
  return corpusReport !== undefined ? (
    <DraftButton
      endpoint={api.corpusLetter}
      input={{ params: { reportId: corpusReport }, query: { to: 'docx' } }}
      {...common}
    >
      生成核查意见（Word）
    </DraftButton>
  ) : (
    <DraftButton
      endpoint={api.inspectLetter}
      input={{ query: { to: 'docx' }, body: { name, format, agency, year, publishedOn, signedOn, findings } }}
      {...common}
    >
      生成核查意见（Word）
    </DraftButton>
  );
}
