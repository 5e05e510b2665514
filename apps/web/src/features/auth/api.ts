import type { FirstAdminInput, LoginInput } from '@linli/contracts';
import { ApiError, client, unwrap } from '../../lib/api.js';

/** The auth feature's query keys: who is logged in, the communities they see, whether setup waits. */
export const authKeys = {
  me: ['auth', 'me'] as const,
  communities: ['auth', 'communities'] as const,
  setup: ['auth', 'setup'] as const,
};
/** Keys that survive a change of community: the session itself. */
export const isSessionKey = (key: readonly unknown[]) => key[0] === 'auth';

/** The logged-in account, or null when there is none (401). */
export async function fetchMe() {
  try {
    return await unwrap(client.GET('/api/auth/me'));
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return null;
    throw err;
  }
}
export const fetchCommunities = () => unwrap(client.GET('/api/communities'));
export const login = (body: LoginInput) => unwrap(client.POST('/api/auth/login', { body }));
export const logout = () => unwrap(client.POST('/api/auth/logout'));
export const changePassword = (body: { currentPassword: string; newPassword: string }) => unwrap(client.POST('/api/auth/password', { body }));
export const createFirstAdmin = (body: FirstAdminInput) => unwrap(client.POST('/api/setup', { body }));
