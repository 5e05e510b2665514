import type { HelpCategory, HelpNeed, HelperKind } from '@linli/contracts';
import type { HelpNeedRow } from './help.repository.js';
import type { helpNames } from './help-names.js';
import { maskName } from './help-state.js';

const iso = (d: Date | string | null) => (d == null ? null : new Date(d).toISOString());
const day = (d: Date | string | null | undefined) => (d == null ? null : typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10));

/** A help need as a list shows it: the name masked, the category, never the request or circumstances. */
export function presentHelpNeed(row: HelpNeedRow, names: Awaited<ReturnType<typeof helpNames>>): HelpNeed {
  const resident = names.resident.get(row.resident_id);
  return {
    id: row.id,
    communityId: row.community_id,
    residentId: row.resident_id,
    residentNameMasked: maskName(resident?.name ?? ''),
    compoundName: resident?.compound_name ?? null,
    helpCategory: row.category as HelpCategory,
    status: row.status,
    helperKind: (row.helper_kind as HelperKind | null) ?? null,
    helperId: row.helper_id,
    helperName: names.helper(row.helper_kind, row.helper_id),
    actionCount: Number(row.action_count ?? 0),
    lastActedOn: day(row.last_acted_on as string | Date | null),
    createdAt: iso(row.created_at)!,
    closedAt: iso(row.closed_at),
  };
}
export { iso, day };
