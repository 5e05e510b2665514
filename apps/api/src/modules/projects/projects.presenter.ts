import type { Project } from '@linli/contracts';
import type { Selectable } from 'kysely';
import type { ProjectsTable } from '../../platform/db/schema.js';
import { iso } from '../../platform/time.js';
import type { detailsOf } from './projects.repository.js';

type Details = Awaited<ReturnType<typeof detailsOf>>;

export function presentProject(p: Selectable<ProjectsTable>, d: Details): Project {
  const r = d.ratings.find((x) => x.project_id === p.id);
  return {
    id: p.id,
    communityId: p.community_id,
    title: p.title,
    content: p.content,
    sourceKind: p.source_kind as Project['sourceKind'],
    sourceId: p.source_id,
    status: p.status,
    percent: p.percent,
    plannedStart: p.planned_start,
    plannedEnd: p.planned_end,
    claimEvent: p.claim_event,
    completedAt: p.completed_at ? iso(p.completed_at) : null,
    funding: d.funding.filter((f) => f.project_id === p.id).map((f) => ({ id: f.id, source: f.source, amountYuan: Number(f.amount_fen) / 100 })),
    milestones: d.milestones
      .filter((m) => m.project_id === p.id)
      .map((m) => ({ id: m.id, title: m.title, dueOn: m.due_on, doneAt: m.done_at ? iso(m.done_at) : null })),
    claims: d.claims
      .filter((c) => c.project_id === p.id)
      .map((c) => ({ id: c.id, unitKind: c.unit_kind as Project['claims'][number]['unitKind'], unitId: c.unit_id, unitName: c.unit_name, role: c.role })),
    rating: { count: r ? Number(r.n) : 0, average: r ? Math.round(Number(r.avg) * 10) / 10 : null },
  };
}
