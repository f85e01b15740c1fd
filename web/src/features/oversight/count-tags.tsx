/**
 * 「全部（12）」「逾期未发布（3）」…: checkable tags that choose which of a list's kinds is shown
 * (a status, a finding's code), each with its count; choosing the chosen one again shows all.
 */
import { Space, Tag } from 'antd';

export function CountTags<K extends string>(props: {
  /** The navigation's accessible name (「按发布情况筛选」). */
  label: string;
  /** How many there are of every kind. */
  all: number;
  items: readonly { key: K; name: string; count: number }[];
  value: K | undefined;
  onChange: (value: K | undefined) => void;
}) {
  return (
    <nav aria-label={props.label} style={{ marginBottom: 12 }}>
      <Space wrap size={[4, 8]}>
        <Tag.CheckableTag checked={props.value === undefined} onChange={() => props.onChange(undefined)}>
          全部（{props.all}）
        </Tag.CheckableTag>
        {props.items.map((item) => (
          <Tag.CheckableTag
            key={item.key}
            checked={props.value === item.key}
            onChange={(on) => props.onChange(on ? item.key : undefined)}
          >
            {item.name}（{item.count}）
          </Tag.CheckableTag>
        ))}
      </Space>
    </nav>
  );
}
