import { useEffect, useState, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Community, Me } from '@linli/contracts';
import { ApiError, get, post } from '../../lib/api.js';
import { SessionContext, type Session } from '../../lib/session.js';

export function useMe() {
  return useQuery({
    queryKey: ['me'],
    queryFn: async () => {
      try {
        return await get<Me>('/api/auth/me');
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) return null;
        throw err;
      }
    },
    staleTime: 60_000,
  });
}

export function SessionProvider({ me, children }: { me: Me; children: ReactNode }) {
  const qc = useQueryClient();
  const communities = useQuery({ queryKey: ['communities'], queryFn: () => get<{ items: Community[] }>('/api/communities') });
  const [picked, setPicked] = useState<number | null>(() => me.communityId ?? (Number(localStorage.getItem('linli.community')) || null));
  const items = communities.data?.items ?? [];
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
      qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'me' && q.queryKey[0] !== 'communities' });
    },
    async logout() {
      await post('/api/auth/logout');
      qc.clear();
      qc.setQueryData(['me'], null);
    },
  };
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
