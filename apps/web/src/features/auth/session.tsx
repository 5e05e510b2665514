import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Me } from '@linli/contracts';
import { SessionContext, type Session } from '../../lib/session.js';
import { authKeys, fetchCommunities, fetchMe, isSessionKey, logout } from './api.js';

export function useMe() {
  return useQuery({ queryKey: authKeys.me, queryFn: fetchMe, staleTime: 60_000 });
}

export function SessionProvider({ me, children }: { me: Me; children: ReactNode }) {
  const qc = useQueryClient();
  const communities = useQuery({ queryKey: authKeys.communities, queryFn: fetchCommunities });
  const [picked, setPicked] = useState<number | null>(() => me.communityId ?? (Number(localStorage.getItem('linli.community')) || null));
  const items = useMemo(() => communities.data?.items ?? [], [communities.data]);
  useEffect(() => {
    if (items.length && (picked === null || !items.some((c) => c.id === picked))) setPicked(items[0]!.id);
  }, [items, picked]);
  const value: Session = {
    me,
    communities: items,
    communityId: picked,
    community: items.find((c) => c.id === picked) ?? null,
    setCommunityId(id) {
      localStorage.setItem('linli.community', String(id));
      setPicked(id);
      qc.invalidateQueries({ predicate: (q) => !isSessionKey(q.queryKey) });
    },
    async logout() {
      await logout();
      qc.clear();
      qc.setQueryData(authKeys.me, null);
    },
  };
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
