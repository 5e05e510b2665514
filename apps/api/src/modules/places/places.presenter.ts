import { iso } from '../../platform/time.js';
import type { Resident } from '@linli/contracts';
import type { ResidentRow } from './places.repository.js';

export function householdLabel(r: {
  compound_name: string | null;
  building_name: string | null;
  unit_name: string | null;
  room_no: string | null;
}): string | null {
  if (!r.compound_name) return null;
  return [r.compound_name, r.building_name, r.unit_name, r.room_no].filter(Boolean).join(' ');
}

export function ageOn(birthDate: string | null, today = new Date()): number | null {
  if (!birthDate) return null;
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  let age = today.getFullYear() - y;
  if (today.getMonth() + 1 < m || (today.getMonth() + 1 === m && today.getDate() < d)) age--;
  return age;
}

export function presentResident(r: ResidentRow): Resident {
  return {
    id: r.id,
    communityId: r.community_id,
    householdId: r.household_id,
    address: householdLabel(r),
    name: r.name,
    gender: r.gender,
    birthDate: r.birth_date,
    age: ageOn(r.birth_date),
    phoneMasked: r.phone_masked,
    idCardMasked: r.id_card_masked,
    hukouLocal: r.hukou_local,
    tags: r.tags,
    relation: r.relation,
    notes: r.notes,
    archivedAt: iso(r.archived_at),
    createdAt: iso(r.created_at)!,
    updatedAt: iso(r.updated_at)!,
  };
}
