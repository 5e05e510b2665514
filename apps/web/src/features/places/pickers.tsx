import { useState } from 'react';
import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { fetchCompounds, fetchGrids, fetchResidents, placesKeys } from './api.js';
import { useSession } from '../../lib/session.js';

/** Picks a resident of the current community by name or full phone, searched on the server. */
export function ResidentPicker({ value, onChange, testId }: { value?: number; onChange?: (v: number) => void; testId?: string }) {
  const { communityId } = useSession();
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: placesKeys.residentPick(communityId, q),
    enabled: q.length > 0,
    queryFn: () => fetchResidents({ communityId: communityId ?? undefined, q, pageSize: 20 }),
  });
  return (
    <Select<number>
      showSearch={{ filterOption: false, onSearch: (v) => setQ(v.trim()) }}
      style={{ width: '100%', minWidth: 260 }}
      popupMatchSelectWidth={380}
      value={value}
      onChange={onChange}
      loading={found.isFetching}
      data-testid={testId}
      options={found.data?.items.map((r) => ({ value: r.id, label: [r.name, r.address, r.phoneMasked].filter(Boolean).join(' · ') }))}
    />
  );
}

export function GridSelect(props: { value?: number | null; onChange?: (v: number | null) => void }) {
  const { communityId } = useSession();
  const grids = useQuery({ queryKey: placesKeys.grids(communityId), queryFn: () => fetchGrids(communityId) });
  return (
    <Select
      allowClear
      value={props.value ?? undefined}
      onChange={(v) => props.onChange?.(v ?? null)}
      options={grids.data?.items.map((g) => ({ value: g.id, label: g.name }))}
    />
  );
}

export function CompoundSelect(props: { value?: number | null; onChange?: (v: number | null) => void }) {
  const { communityId } = useSession();
  const list = useQuery({ queryKey: placesKeys.compounds(communityId), queryFn: () => fetchCompounds(communityId) });
  return (
    <Select
      allowClear
      value={props.value ?? undefined}
      onChange={(v) => props.onChange?.(v ?? null)}
      options={list.data?.items.map((c) => ({ value: c.id, label: c.name }))}
    />
  );
}
