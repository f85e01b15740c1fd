/**
 * A button that makes a ZIP of drafts on the server (生成核查意见, 生成催报提醒) and saves it: a request
 * the server may refuse (a scope too broad for one request, with what to narrow), whose message is
 * then shown, rather than a link that would open the refusal as a page.
 */
import { FileWordOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button } from 'antd';
import type { ReactNode } from 'react';
import { callFile, type Endpoint, type Input, messageOf } from '../../lib/api.js';
import { saveBlob } from '../../lib/download.js';
import * as api from '../../lib/endpoints.js';
import type { CorpusFilter } from './api.js';

export function ZipButton<E extends Endpoint>(props: {
  endpoint: E;
  input: Input<E>;
  /** The file's name when the server gives none. */
  fallbackName: string;
  /** What it makes, for the failure message (「核查意见」). */
  what: string;
  /** Said instead of saving an empty ZIP (the server counts the documents in X-Letters). */
  none: string;
  title: string;
  disabled?: boolean;
  children: ReactNode;
}) {
  const { message } = App.useApp();
  const make = useMutation({
    mutationFn: async () => {
      const { blob, filename, headers } = await callFile(props.endpoint, props.input, {});
      if (headers.get('x-letters') === '0') message.info(props.none);
      else saveBlob(blob, filename ?? props.fallbackName);
    },
    onError: (error) => message.error(`生成${props.what}失败：${messageOf(error)}`),
  });
  return (
    <Button
      icon={<FileWordOutlined />}
      loading={make.isPending}
      disabled={props.disabled}
      onClick={() => make.mutate()}
      title={props.title}
    >
      {props.children}
    </Button>
  );
}

/**
 * 生成核查意见 over a scope of the corpus (监督概览, 跨报告核查): the newest version of each body's
 * year, those late, undated or with problems found, a letter each in a ZIP.
 */
export function LettersButton({ filter, disabled }: { filter: CorpusFilter; disabled?: boolean }) {
  return (
    <ZipButton
      endpoint={api.corpusLetters}
      input={{ query: { ...filter, to: 'docx' } }}
      fallbackName="核查意见.zip"
      what="核查意见"
      none="当前范围内没有逾期、未注日期或发现问题的报告，未生成核查意见"
      {...(disabled !== undefined ? { disabled } : {})}
      title="当前范围内每个机关每个年度的最新版本中，逾期、未注日期或发现问题（报告自身的问题和跨报告核查的问题）的，各生成一份给该机关的核查意见草稿（Word，打包为 ZIP）"
    >
      生成核查意见
    </ZipButton>
  );
}
