import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { CommunityId } from '../../platform/db/scope.js';
import { placeRefs } from '../places/index.js';
import { accountNames, peopleRefs } from '../people/index.js';
import { partnerRefs } from '../partners/index.js';

/** Names beside a page of help needs, read from their owners by id, one query per kind (ADR 0016). */
export async function helpNames(
  db: Kysely<DB>,
  communityId: CommunityId,
  rows: readonly { resident_id: number; helper_kind: string | null; helper_id: number | null }[],
  extraAccounts: readonly number[] = [],
) {
  const ids = (kind: string) => rows.filter((r) => r.helper_kind === kind).map((r) => r.helper_id!);
  const residents = await placeRefs.residentPlaces(db, communityId, [...new Set(rows.map((r) => r.resident_id))]);
  const members = await peopleRefs.partyMemberRefs(db, ids('party_member'));
  const memberResidents = await placeRefs.residentPlaces(
    db,
    communityId,
    members.map((m) => m.resident_id),
  );
  const accounts = await accountNames(db, [...ids('account'), ...extraAccounts]);
  const teams = await peopleRefs.teamNames(db, ids('team'));
  const partners = await partnerRefs.partnerNames(db, ids('partner'));
  const memberName = new Map(memberResidents.map((r) => [r.id, r.name]));
  const helpers = new Map<string, string>([
    ...[...accounts].map(([id, n]) => [`account:${id}`, n] as [string, string]),
    ...teams.map((t) => [`team:${t.id}`, t.name] as [string, string]),
    ...partners.map((p) => [`partner:${p.id}`, p.name] as [string, string]),
    ...members.map((m) => [`party_member:${m.id}`, memberName.get(m.resident_id) ?? ''] as [string, string]),
  ]);
  return {
    resident: new Map(residents.map((r) => [r.id, r])),
    helper: (kind: string | null, id: number | null) => (kind && id ? (helpers.get(`${kind}:${id}`) ?? null) : null),
    account: (id: number | null) => (id ? (accounts.get(id) ?? null) : null),
  };
}
