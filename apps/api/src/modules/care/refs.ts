import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { CommunityId } from '../../platform/db/scope.js';
import type { PiiCipher } from '../../platform/crypto/pii.js';
import { placeRefs } from '../places/index.js';
import { accountNames } from '../people/index.js';
import * as refs from './refs.repository.js';
import { maskName } from './mask.js';

type Db = Kysely<DB> | Transaction<DB>;

export type CareTier = 'high' | 'key' | 'general';

export interface CareRecipientRef {
  id: number;
  residentId: number;
  /** 张*明: lists, notices and webhooks never carry the whole name. */
  residentNameMasked: string;
  compoundId: number | null;
  tier: CareTier;
  active: boolean;
}

/** Recipients by id (another community's ids are left out): for check-ins, tickets and notices. */
export async function careRecipientRefs(db: Db, communityId: CommunityId, ids: readonly number[]): Promise<Map<number, CareRecipientRef>> {
  if (ids.length === 0) return new Map();
  const rows = await refs.recipientRows(db, communityId, ids);
  const people = new Map(
    (
      await placeRefs.residentPlaces(
        db,
        communityId,
        rows.map((r) => r.resident_id),
      )
    ).map((p) => [p.id, p]),
  );
  return new Map(
    rows.map((r) => {
      const p = people.get(r.resident_id);
      return [
        r.id,
        {
          id: r.id,
          residentId: r.resident_id,
          residentNameMasked: maskName(p?.name ?? ''),
          compoundId: p?.compound_id ?? null,
          tier: r.tier,
          active: r.status === 'active',
        },
      ];
    }),
  );
}

export interface PairedHelper {
  pairingId: number;
  accountId: number;
  name: string;
  helperKind: 'grid_worker' | 'volunteer' | 'party_member' | 'doctor';
  ladderOrder: number;
}

/** The accounts paired with a recipient, in the order a missed check-in should reach them (ladder_order, then oldest). */
export async function pairedHelpers(db: Db, communityId: CommunityId, recipientId: number): Promise<PairedHelper[]> {
  const rows = await refs.activePairingAccounts(db, communityId, recipientId);
  const names = await accountNames(
    db,
    rows.map((r) => r.account_id!),
  );
  return rows.map((r) => ({
    pairingId: r.id,
    accountId: r.account_id!,
    name: names.get(r.account_id!) ?? r.helper_name ?? '',
    helperKind: r.helper_kind,
    ladderOrder: r.ladder_order,
  }));
}

export interface FamilyContact {
  name: string;
  relation: string | null;
  /** The whole number, for a notice to the family; never shown in a list or written to a log. */
  phone: string | null;
  phoneMasked: string | null;
}

/** A recipient's family contacts with their phones decrypted, for notices (an empty list for another community). */
export async function familyContacts(db: Db, communityId: CommunityId, recipientId: number, pii: PiiCipher): Promise<FamilyContact[]> {
  const row = await refs.familyContactsOf(db, communityId, recipientId);
  if (!row) return [];
  return row.family_contacts.map((c) => ({
    name: c.name,
    relation: c.relation,
    phone: c.phoneEnc ? pii.decrypt(c.phoneEnc) : null,
    phoneMasked: c.phoneMasked,
  }));
}
