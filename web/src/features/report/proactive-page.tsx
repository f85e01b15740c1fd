/** 主动公开: table 二 of a year as a form, each figure checked as it is typed (type, sign, 现行有效 ≥ 本年制发). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, InputNumber, Space, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { z } from 'zod';
import { proactiveBody } from '../../../../src/api/schemas.js';
import { formatForYear, getFormat } from '../../../../src/spec/registry.js';
import type { CellSpec } from '../../../../src/spec/types.js';
import { can } from '../../app/access.js';
import { AgencySelect, useAgency } from '../../components/agency-select.js';
import { QueryView } from '../../components/query-state.js';
import { TableGrid } from '../../components/table-grid.js';
import { YearSelect } from '../../components/year-select.js';
import { call, messageOf } from '../../lib/api.js';
import * as api from '../../lib/endpoints.js';
import { useMe } from '../../lib/session.js';
import { useYear } from '../../lib/today.js';
import { useUrlState } from '../../lib/url-state.js';
import { proactiveProblems } from './proactive-checks.js';

const url = z.object({ year: z.coerce.number().int().min(2008).max(2099).optional() });

export default function ProactivePage() {
  const [state, update] = useUrlState(url);
  const year = useYear(state.year);
  const { agencyId } = useAgency();
  const me = useMe();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const key = ['proactive', agencyId, year];
  const query = useQuery({
    queryKey: key,
    queryFn: () => call(api.getProactive, { params: { agencyId: agencyId ?? '', year } }),
    enabled: agencyId !== undefined,
  });
  const [draft, setDraft] = useState<Record<string, number | null>>({});
  useEffect(() => setDraft(query.data?.cells ?? {}), [query.data]);
  const spec = formatForYear(year) ?? getFormat('2021');
  const table = spec.tables.find((t) => t.id === 'proactive');
  const problems = proactiveProblems(spec, draft);
  const editable = can(me.data?.user.role, 'enter');

  const save = useMutation({
    mutationFn: () => {
      const cells: Record<string, number | null> = { ...draft };
      for (const k of Object.keys(query.data?.cells ?? {})) if (!(k in cells)) cells[k] = null;
      const body = proactiveBody.parse({ cells });
      return call(api.setProactive, { params: { agencyId: agencyId ?? '', year }, body });
    },
    onSuccess: (data) => {
      qc.setQueryData(key, data);
      message.success('表二已保存');
    },
    onError: (e) => message.error(messageOf(e)),
  });

  const renderCell = (cell: CellSpec) => {
    const problem = problems.get(cell.key);
    const input = (
      <InputNumber
        aria-label={labelOf(spec, cell.key)}
        size="small"
        style={{ width: '100%' }}
        status={problem ? 'error' : undefined}
        disabled={!editable}
        value={draft[cell.key] ?? null}
        step={cell.type === 'decimal' ? 0.01 : 1}
        onChange={(v) => setDraft((d) => ({ ...d, [cell.key]: typeof v === 'number' ? v : null }))}
      />
    );
    return problem ? <Tooltip title={problem}>{input}</Tooltip> : input;
  };

  return (
    <div className="gk-panel">
      <Space style={{ marginBottom: 12 }} wrap>
        <AgencySelect />
        <YearSelect value={year} onChange={(y) => update({ year: y })} />
        {editable && (
          <Button
            type="primary"
            loading={save.isPending}
            disabled={problems.size > 0}
            onClick={() => save.mutate()}
          >
            保存
          </Button>
        )}
      </Space>
      {problems.size > 0 && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginBottom: 12 }}
          title={`有 ${problems.size} 处需要更正`}
          description={[...problems.values()].join('；')}
        />
      )}
      <QueryView query={query}>
        {() =>
          table ? (
            <TableGrid table={table} renderCell={renderCell} />
          ) : (
            <Alert type="warning" title="该年度格式没有表二" />
          )
        }
      </QueryView>
    </div>
  );
}

function labelOf(spec: ReturnType<typeof getFormat>, key: string): string {
  for (const t of spec.tables)
    for (const p of t.parts)
      for (const r of p.rows)
        r.cells.forEach((c, i) => {
          if (c.key === key)
            key = `${r.path.map((l) => l.official).join(' ')} ${p.columns[i]?.path.map((l) => l.official).join(' ') ?? ''}`;
        });
  return key;
}
