import type { PointsEntry } from '@linli/contracts';
import type { Selectable } from 'kysely';
import type { PointsEntriesTable } from '../../../platform/db/schema/points.js';
import { iso } from '../../../platform/time.js';

export function presentEntry(r: Selectable<PointsEntriesTable>, authors: Map<number, string>): PointsEntry {
  return {
    id: r.id,
    kind: r.kind,
    delta: Number(r.delta),
    debitAccount: r.debit_account,
    creditAccount: r.credit_account,
    reason: r.reason,
    authorName: r.author_id == null ? null : (authors.get(r.author_id) ?? null),
    sourceKind: r.source_kind,
    sourceId: r.source_id,
    occurredAt: iso(r.occurred_at),
  };
}
