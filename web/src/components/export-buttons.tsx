/**
 * 导出 CSV / 导出 Excel: links to a download (GET), or buttons that make one (a POST with a body).
 * The two are one element (a Space of their own): a toolbar's Space spaces its children, and would
 * set the pair edge to edge if they were handed to it as a bare array.
 */
import { FileExcelOutlined, FileTextOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';

export type ExportFormat = 'csv' | 'xlsx';

const formats = [
  { to: 'csv', label: '导出 CSV', icon: <FileTextOutlined /> },
  { to: 'xlsx', label: '导出 Excel', icon: <FileExcelOutlined /> },
] as const;

export function ExportButtons(
  props: { disabled?: boolean } & (
    | { href: (to: ExportFormat) => string }
    | { onExport: (to: ExportFormat) => void; pending?: ExportFormat | undefined }
  ),
) {
  const buttons = formats.map(({ to, label, icon }) =>
    'href' in props ? (
      <Button key={to} icon={icon} href={props.href(to)} disabled={props.disabled}>
        {label}
      </Button>
    ) : (
      <Button
        key={to}
        icon={icon}
        disabled={props.disabled}
        loading={props.pending === to}
        onClick={() => props.onExport(to)}
      >
        {label}
      </Button>
    ),
  );
  return <Space>{buttons}</Space>;
}
