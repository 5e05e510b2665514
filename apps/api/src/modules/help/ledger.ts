import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { CommunityId } from '../../platform/db/scope.js';
import { countHelpNeeds, helpLedgerBatch } from './help.repository.js';
import { helpNames } from './help-names.js';
import { maskName } from './help-state.js';

/** The help register's read model for the ledger module (help/index.ts helpLedger): batches by id. */
const BATCH = 1000;

export function countHelp(db: Kysely<DB>, communityId: CommunityId) {
  return countHelpNeeds(db, communityId);
}

/**
 * Rows in id order with names resolved; `open` unseals the resident's name and the request (the ledger's piiFields,
 * then the export is logged as a view). Without it the name is masked and the request left out.
 */
export async function* helpBatches(db: Kysely<DB>, communityId: CommunityId, open: ((sealed: string) => string) | null) {
  for (let after = 0; ;) {
    const rows = await helpLedgerBatch(db, communityId, after, BATCH);
    if (rows.length === 0) return;
    const names = await helpNames(db, communityId, rows);
    yield rows.map((r) => {
      const resident = names.resident.get(r.resident_id);
      return {
        id: r.id,
        residentName: open ? (resident?.name ?? '') : maskName(resident?.name ?? ''),
        compoundName: resident?.compound_name ?? null,
        category: r.category,
        request: open ? open(r.request_enc) : null,
        status: r.status,
        helperKind: r.helper_kind,
        helperName: names.helper(r.helper_kind, r.helper_id),
        actionCount: Number(r.action_count ?? 0),
        actionsText: r.actions_text,
        createdAt: r.created_at,
        closedAt: r.closed_at,
      };
    });
    if (rows.length < BATCH) return;
    after = rows[rows.length - 1]!.id;
  }
}
