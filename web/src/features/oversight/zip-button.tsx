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
