/**
 * A select of the corpus's bodies that asks the server as the user types: a national corpus has some
 * 28,000 bodies, too many to send a browser for it to filter. It offers the first 50 the text finds
 * in their names or regions, each with its region and reports (two spellings of one body tell apart
 * by them). 机关's 合并到… and 两年对比 choose a body with it.
 */
import { useQuery } from '@tanstack/react-query';
import { Select, Spin } from 'antd';
import { type CSSProperties, useState } from 'react';
import { useDebounced } from '../../lib/debounce.js';
import { corpusBodiesQuery } from './api.js';
import { bodyOptionText, type ListedBody } from './bodies.js';

/** Most bodies one search offers. */
export const bodySelectLimit = 50;

export function BodySelect({
  label,
  value,
  name,
  onChange,
  exclude,
  placeholder = '输入名称或地区查找',
  style,
}: {
  /** The select's accessible name. */
  label: string;
  /** The id of the body chosen. */
  value: string | undefined;
  /**
   * Its name where the select hasn't offered it yet (a page opened with a body in its URL): shown
   * until a search lists it.
   */
  name?: string | undefined;
  onChange: (body: ListedBody) => void;
  /** A body not to offer (the one to merge into another). */
  exclude?: string;
  placeholder?: string;
  style?: CSSProperties;
}) {
  const [search, setSearch] = useState('');
  // The server is asked once the typing stops, not at each key.
  const words = useDebounced(search.trim(), 300);
  const found = useQuery(corpusBodiesQuery({ q: words || undefined, limit: bodySelectLimit }));
  const rows = (found.data?.rows ?? []).filter((b) => b.id !== exclude);
  const settling = words !== search.trim() || found.isFetching;
  return (
    <Select<string>
      aria-label={label}
      placeholder={placeholder}
      style={style}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      // A new search each time it opens: the last one's text is gone from the box.
      onOpenChange={(open) => {
        if (!open) setSearch('');
      }}
      loading={settling}
      value={value}
      // A body not among the options found: its name as given (antd would show the id).
      labelRender={(item) => item.label ?? (item.value === value && name ? name : item.value)}
      onChange={(id) => {
        const body = rows.find((b) => b.id === id);
        if (body) onChange(body);
      }}
      options={rows.map((b) => ({ value: b.id, label: bodyOptionText(b) }))}
      notFoundContent={settling ? <Spin size="small" /> : '没有找到机关'}
    />
  );
}
