/** 生成核查意见 over a scope of the corpus (监督概览, 跨报告核查). */
import { DraftButton } from '../../components/draft-button.js';
import * as api from '../../lib/endpoints.js';
import type { CorpusFilter } from './api.js';

/**
 * 生成核查意见 over a scope of the corpus (监督概览, 跨报告核查): the newest version of each body's
 * year, those late, undated or with problems found, a letter each in a ZIP.
 */
export function LettersButton({ filter, disabled }: { filter: CorpusFilter; disabled?: boolean }) {
  return (
    <DraftButton
      endpoint={api.corpusLetters}
      input={{ query: { ...filter, to: 'docx' } }}
      fallbackName="核查意见.zip"
      what="核查意见"
      none="当前范围内没有逾期、未注日期或发现问题的报告，未生成核查意见"
      {...(disabled !== undefined ? { disabled } : {})}
      title="当前范围内每个机关每个年度的最新版本中，逾期、未注日期或发现问题（报告自身的问题和跨报告核查的问题）的，各生成一份给该机关的核查意见草稿（Word，打包为 ZIP）"
    >
      生成核查意见
    </DraftButton>
  );
}
