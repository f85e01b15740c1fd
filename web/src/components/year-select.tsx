/** The year a page works on: this one, the next, and the four before it around the chosen year. */
import { Select } from 'antd';
import { yearsAround } from '../lib/today.js';

export function YearSelect({
  value,
  onChange,
  label = '年度',
}: {
  value: number;
  onChange: (year: number) => void;
  /** The control's accessible name. */
  label?: string;
}) {
  return (
    <Select
      aria-label={label}
      value={value}
      style={{ width: 110 }}
      onChange={onChange}
      options={yearsAround(value).map((y) => ({ value: y, label: `${y}年` }))}
    />
  );
}
