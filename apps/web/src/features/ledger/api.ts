import type { CommunityDashboard, LedgerExport, LedgerRegisterInfo, LedgerRegisterKey, LedgerRow, SubdistrictDashboard } from '@linli/contracts';
import { apiUrl, client, unwrap } from '../../lib/api.js';

type Id = number | null | undefined;
interface Period {
  from?: string;
  to?: string;
}

/** Every query key of the reports (dashboard and ledger) starts with 'ledger'. */
export const ledgerKeys = {
  all: ['ledger'] as const,
  dashboard: (communityId: Id, period: Period) => ['ledger', 'dashboard', communityId, period] as const,
  subdistrict: (subdistrictId: Id, period: Period) => ['ledger', 'dashboard-sub', subdistrictId, period] as const,
  registers: ['ledger', 'registers'] as const,
  rows: (filters: object, page: number) => ['ledger', 'rows', filters, page] as const,
};

export const fetchDashboard = (communityId: Id, period: Period): Promise<CommunityDashboard> =>
  unwrap(client.GET('/api/dashboard/community', { params: { query: { communityId: communityId ?? undefined, ...period } } }));
/** A subdistrict's ranking; a system administrator names the subdistrict (none: every community). */
export const fetchSubdistrictDashboard = (subdistrictId: Id, period: Period): Promise<SubdistrictDashboard> =>
  unwrap(client.GET('/api/dashboard/subdistrict', { params: { query: { ...period, subdistrictId: subdistrictId ?? undefined } } }));

export interface LedgerFilters {
  communityId: Id;
  from?: string;
  to?: string;
}
const q = (f: LedgerFilters) => ({ communityId: f.communityId ?? undefined, from: f.from, to: f.to });
export const fetchLedger = (filters: LedgerFilters, page: number): Promise<{ items: LedgerRow[]; total: number }> =>
  unwrap(client.GET('/api/ledger', { params: { query: { ...q(filters), page, pageSize: 20 } } }));
export const fetchRegisters = (): Promise<{ items: LedgerRegisterInfo[] }> => unwrap(client.GET('/api/ledger/registers'));
export const startExport = (filters: LedgerFilters, register: LedgerRegisterKey): Promise<LedgerExport> =>
  unwrap(client.POST('/api/ledger/exports', { body: { ...q(filters), register } }));
export const fetchExport = (id: number): Promise<LedgerExport> => unwrap(client.GET('/api/ledger/exports/{id}', { params: { path: { id } } }));
export const exportFileUrl = (id: number) => apiUrl('/api/ledger/exports/{id}/file', { id });
