import { defaultEscalationWorkdays, type AreaKind, type DepartmentType, type Organisation, type OrganisationKind } from '@linli/contracts';
import type { OrganisationRow } from './orgs.repository.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentOrganisation(r: OrganisationRow, areas: { kind: string; id: number; name: string }[]): Organisation {
  const kind = r.kind as OrganisationKind;
  return {
    id: r.id,
    kind,
    departmentType: r.department_type as DepartmentType | null,
    name: r.name,
    contactName: r.contact_name,
    contactPhone: r.contact_phone,
    address: r.address,
    subdistrictId: r.subdistrict_id,
    communityId: r.community_id,
    partnerId: r.partner_id,
    areas: areas.map((a) => ({ kind: a.kind as AreaKind, id: a.id, name: a.name })),
    defaultWorkdays: defaultEscalationWorkdays[kind],
    archivedAt: iso(r.archived_at),
  };
}
