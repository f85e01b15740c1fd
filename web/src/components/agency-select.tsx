/** The agency a page works on: the user's own, or one of those supervised (chosen, kept in the URL). */
import { Select } from 'antd';
import { useSearchParams } from 'react-router';
import { useMe } from '../lib/session.js';

export function useAgency(): { agencyId: string | undefined; agencies: { id: string; name: string }[] } {
  const me = useMe();
  const [search] = useSearchParams();
  const agencies = me.data?.agencies ?? [];
  const chosen = search.get('agency');
  const agencyId =
    (chosen && agencies.some((a) => a.id === chosen) ? chosen : undefined) ??
    me.data?.user.agencyId ??
    agencies[0]?.id;
  return { agencyId: agencyId ?? undefined, agencies };
}

export function AgencySelect() {
  const { agencyId, agencies } = useAgency();
  const [search, setSearch] = useSearchParams();
  if (agencies.length <= 1) return null;
  return (
    <Select
      aria-label="机关"
      style={{ minWidth: 220 }}
      value={agencyId}
      options={agencies.map((a) => ({ value: a.id, label: a.name }))}
      onChange={(value: string) => {
        const next = new URLSearchParams(search);
        next.set('agency', value);
        setSearch(next);
      }}
    />
  );
}
