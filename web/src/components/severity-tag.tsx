import { Tag } from 'antd';

/**
 * A finding's severity as a solid tag. The colours are dark enough for white text to pass WCAG AA
 * (Ant Design's light 'orange' preset does not: axe flags it as color-contrast, serious).
 */
const severities: Record<string, { color: string; text: string }> = {
  error: { color: '#a8071a', text: '错误' },
  warning: { color: '#ad4e00', text: '警告' },
  info: { color: '#1d4f91', text: '提示' },
};

export function SeverityTag({ severity }: { severity: string }) {
  const known = severities[severity];
  return <Tag color={known?.color}>{known?.text ?? severity}</Tag>;
}
