import { useState } from 'react';
import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { volunteerOriginLabels } from '@linli/contracts';
import { useSession } from '../../lib/session.js';
import { useT } from '../../lib/i18n.js';
import { fetchVolunteers, volunteerKeys } from './api.js';

/** Picks an approved volunteer of the current community by name or skill (students, cadres: no address needed). */
export function VolunteerPicker({ value, onChange, testId }: { value?: number; onChange?: (v: number) => void; testId?: string }) {
  const { communityId } = useSession();
  const { locale } = useT();
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: volunteerKeys.list({ pick: true, communityId, q }),
    enabled: q.length > 0,
    queryFn: () => fetchVolunteers({ communityId: communityId ?? undefined, status: 'approved', q, pageSize: 20 }),
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
      options={found.data?.items.map((v) => ({
        value: v.id,
        label: [v.name, volunteerOriginLabels[locale][v.origin], v.affiliation, v.number].filter(Boolean).join(' · '),
      }))}
    />
  );
}
