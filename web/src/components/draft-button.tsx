/**
 * A button that has the server draft a document (核查意见, 催报提醒; one, or a ZIP of them) and saves
 * it: a request the server may refuse (a scope too broad for one request, with what to narrow), whose
 * message is then shown, rather than a link that would open the refusal as a page.
 */
import { FileWordOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button } from 'antd';
import type { ReactNode } from 'react';
import { callFile, type Endpoint, type Input, messageOf } from '../lib/api.js';
import { saveBlob } from '../lib/download.js';

export function DraftButton<E extends Endpoint>(props: {
  endpoint: E;
  input: Input<E>;
  /** The file's name when the server gives none. */
  fallbackName: string;
  /** What it makes, for the failure message (「核查意见」). */
  what: string;
  /** For a ZIP: said instead of saving one with nothing in it (the server counts the documents in X-Letters). */
  none?: string;
  title: string;
  disabled?: boolean;
  size?: 'small';
  children: ReactNode;
}) {
  const { message } = App.useApp();
  const make = useMutation({
    mutationFn: async () => {
      const { blob, filename, headers } = await callFile(props.endpoint, props.input, {});
      if (props.none !== undefined && headers.get('x-letters') === '0') message.info(props.none);
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
      {...(props.size ? { size: props.size } : {})}
    >
      {props.children}
    </Button>
  );
}
