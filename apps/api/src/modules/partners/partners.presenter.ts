import { iso } from '../../platform/time.js';
import { partnerKinds, type Partner, type PartnerKind } from '@linli/contracts';
import type { PartnerRow } from './partners.repository.js';

export function presentPartner(p: PartnerRow): Partner {
  return {
    id: p.id,
    communityId: p.community_id,
    name: p.name,
    kind: (partnerKinds as readonly string[]).includes(p.kind) ? (p.kind as PartnerKind) : 'other',
    contactName: p.contact_name,
    contactPhoneMasked: p.contact_phone_masked,
    address: p.address,
    description: p.description,
    joinedOn: p.joined_on,
    archivedAt: iso(p.archived_at),
  };
}
