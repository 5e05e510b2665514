import { iso } from '../../platform/time.js';
import type { PublicResource, Resource } from '@linli/contracts';
import type { ResourceRow } from './resources.repository.js';

type R = Resource;

/** Staff and the contact: an organisation's number in full, a resident's masked. */
export function presentResource(r: ResourceRow, compoundName: string | null): Resource {
  return {
    id: r.id,
    communityId: r.community_id,
    title: r.title,
    description: r.description,
    category: r.category as R['category'],
    kind: r.kind as R['kind'],
    priceKind: r.price_kind as R['priceKind'],
    priceNote: r.price_note,
    providerKind: r.provider_kind as R['providerKind'],
    providerName: r.provider_name,
    partnerId: r.partner_id,
    organisationId: r.organisation_id,
    teamId: r.team_id,
    residentId: r.resident_id,
    compoundId: r.compound_id,
    compoundName,
    audience: r.audience,
    availability: r.availability,
    capacity: r.capacity,
    contactName: r.provider_kind === 'resident' ? null : r.contact_name,
    contactPhone: r.provider_kind === 'resident' ? r.contact_phone_masked : r.contact_phone,
    isPublic: r.is_public,
    archivedAt: iso(r.archived_at),
    updatedAt: iso(r.updated_at),
  };
}

/** The public circle: a resident provider by kind only, no name, no number. */
export function presentPublicResource(r: ResourceRow, compoundName: string | null): PublicResource {
  const resident = r.provider_kind === 'resident';
  return {
    id: r.id,
    title: r.title,
    description: r.description,
    category: r.category as R['category'],
    kind: r.kind as R['kind'],
    priceKind: r.price_kind as R['priceKind'],
    priceNote: r.price_note,
    providerKind: r.provider_kind as R['providerKind'],
    providerName: resident ? null : r.provider_name,
    compoundId: r.compound_id,
    compoundName,
    audience: r.audience,
    availability: r.availability,
    contactPhone: resident ? null : r.contact_phone,
  };
}
