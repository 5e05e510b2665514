import { useQuery } from '@tanstack/react-query';
import { ApiError, client, unwrap } from '../../lib/api.js';
import { authKeys } from './api.js';

// Apart from api.ts so the phone pages, which log in through api.ts, carry no query library.
/** Whether the installation waits for its first administrator (GET /api/setup answers 404 once it has one). */
export function useSetupNeeded() {
  return useQuery({
    queryKey: authKeys.setup,
    queryFn: async () => {
      try {
        return (await unwrap(client.GET('/api/setup'))).needed;
      } catch (err) {
        if (err instanceof ApiError && err.status === 404) return false;
        throw err;
      }
    },
    staleTime: Infinity,
  });
}
