/** 导出 CSV / 导出 Excel: links to a download (GET), or buttons that make one (a POST with a body). */
import { FileExcelOutlined, FileTextOutlined } from '@ant-design/icons';
import { Button } from 'antd';

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
  return formats.map(({ to, label, icon }) =>
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
}
