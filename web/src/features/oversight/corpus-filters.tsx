/**
 * The corpus filters the oversight pages share: body (name or id), region, kind and year. Each page
 * keeps them in its URL and passes its own region and year choices (from the stats it has).
 */
import { Alert, Input, Select } from 'antd';
import { LoadError } from '../../components/query-state.js';
import { ApiError } from '../../lib/api.js';
import { kindNames } from './names.js';

export interface BodyFilterValue {
  agency?: string | undefined;
  region?: string | undefined;
  kind?: 'government' | 'department' | undefined;
  year?: number | undefined;
}

export function BodyFilters({
  value,
  onChange,
  regions,
  years,
  kind = true,
}: {
  value: BodyFilterValue;
  onChange: (patch: BodyFilterValue) => void;
  /** The regions to offer (stats rows by region: the group is the value). */
  regions: readonly { group: string; label: string }[];
  years: readonly number[];
  /** Whether to offer the kind (a rule pack may fix it). */
  kind?: boolean;
}) {
  return (
    <>
      <Input.Search
        aria-label="机关名称或编号"
        placeholder="机关名称或编号"
        allowClear
        defaultValue={value.agency}
        onSearch={(agency) => onChange({ agency: agency || undefined })}
        style={{ width: 200 }}
      />
      <Select
        aria-label="地区"
        placeholder="地区"
        allowClear
        showSearch
        style={{ width: 140 }}
        value={value.region}
        onChange={(region) => onChange({ region })}
        options={regions.filter((r) => r.group).map((r) => ({ value: r.group, label: r.label }))}
      />
      {kind && (
        <Select
          aria-label="机关类型"
          placeholder="机关类型"
          allowClear
          style={{ width: 120 }}
          value={value.kind}
          onChange={(k) => onChange({ kind: k })}
          options={(['government', 'department'] as const).map((k) => ({ value: k, label: kindNames[k] }))}
        />
      )}
      <Select
        aria-label="年度"
        placeholder="年度"
        allowClear
        style={{ width: 110 }}
        value={value.year}
        onChange={(year) => onChange({ year })}
        options={years.map((y) => ({ value: y, label: `${y}年` }))}
      />
    </>
  );
}

/** The years of stats rows grouped by year (the rows without a year left out). */
export const yearsOf = (rows: readonly { group: string }[] | undefined): number[] =>
  (rows ?? []).filter((r) => /^\d{4}$/.test(r.group)).map((r) => Number(r.group));

/**
 * A corpus query's error: a scope too broad for the cross-report checks (`too-broad`) is a request
 * to narrow the filters, not a failure; anything else is shown as one.
 */
export function CorpusQueryError({ error, retry }: { error: unknown; retry: () => void }) {
  if (error instanceof ApiError && error.code === 'too-broad')
    return <Alert type="info" showIcon title="请先缩小范围" description={error.message} />;
  return <LoadError error={error} retry={retry} />;
}
