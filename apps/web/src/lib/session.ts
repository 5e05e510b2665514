import { createContext, useContext } from 'react';
import type { Community, Me } from '@linli/contracts';

/** Who is logged in and which community the console works on; provided by features/auth, read everywhere. */
export interface Session {
  me: Me;
  communities: Community[];
  communityId: number | null;
  community: Community | null;
  setCommunityId(id: number): void;
  logout(): Promise<void>;
}
export const SessionContext = createContext<Session | null>(null);
export const useSession = (): Session => {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside provider');
  return s;
};
