/** Cell values and identities as text, for the inspector. */
import type { ReactNode } from 'react';
import type { InspectIdentity } from '../../../../src/api/inspect-contract.js';

export const formatValue = (v: number | null | undefined): string =>
  v === null || v === undefined ? '空' : String(v);

/** `a + b = c`: each term a link to its cell, then both sides and the difference. */
export function formula(
  i: InspectIdentity,
  labels: Map<string, string>,
  onCell: (key: string) => void,
): ReactNode {
  const side = (keys: string[]) =>
    keys.map((k, n) => (
      <span key={k}>
        {n > 0 ? ' + ' : ''}
        <button type="button" className="gk-chip" onClick={() => onCell(k)} title={labels.get(k) ?? k}>
          {labels.get(k)?.split(' / ').at(-1) ?? k}
        </button>
      </span>
    ));
  return (
    <>
      {side(i.left)} = {side(i.right)}
      <div>
        左边 {i.leftSum ?? '—'}，右边 {i.rightSum ?? '—'}，差 {i.difference ?? '—'}
      </div>
    </>
  );
}
