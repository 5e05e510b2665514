import type { IssuedRedemption, MyPoints, Page, Perk, PointsStatement, Redemption } from '@linli/contracts';
import { client, unwrap } from '../../lib/api.js';

/** Every query key of the points feature starts with 'points'. */
export const pointsKeys = {
  all: ['points'] as const,
  statement: (volunteerId: number, month: string) => ['points', 'statement', volunteerId, month] as const,
  perks: (filters: object) => ['points', 'perks', filters] as const,
  redemptions: (filters: object) => ['points', 'redemptions', filters] as const,
};

export const fetchStatement = (volunteerId: number | undefined, month?: string): Promise<PointsStatement> =>
  unwrap(client.GET('/api/points/statement', { params: { query: { volunteerId, month } } }));
export const fetchMyPoints = (month?: string): Promise<MyPoints> => unwrap(client.GET('/api/points/me', { params: { query: { month } } }));
export const fetchPerks = (q: { redeemable?: 'true'; page?: number; pageSize?: number } = {}): Promise<Page<Perk>> =>
  unwrap(client.GET('/api/perks', { params: { query: q as never } }));
export const createPerk = (body: {
  partnerId: number;
  title: string;
  terms?: string | null;
  pricePoints: number;
  stock: number;
  validFrom: string;
  validTo: string;
}): Promise<Perk> => unwrap(client.POST('/api/perks', { body }));
export const updatePerk = (id: number, body: { status?: Perk['status']; stock?: number }): Promise<Perk> =>
  unwrap(client.PATCH('/api/perks/{id}', { params: { path: { id } }, body }));
export const fetchRedemptions = (q: { mine?: 'true'; page?: number; pageSize?: number } = {}): Promise<Page<Redemption>> =>
  unwrap(client.GET('/api/redemptions', { params: { query: q as never } }));
export const redeemPerk = (perkId: number): Promise<IssuedRedemption> => unwrap(client.POST('/api/redemptions', { body: { perkId } }));
export const confirmRedemption = (code: string): Promise<Redemption> => unwrap(client.POST('/api/redemptions/confirm', { body: { code } }));
export const cancelRedemption = (id: number, reason: string): Promise<Redemption> =>
  unwrap(client.POST('/api/redemptions/{id}/cancel', { params: { path: { id } }, body: { reason } }));
