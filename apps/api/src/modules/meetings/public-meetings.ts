import type { PublicMeeting } from '@linli/contracts';
import type { MeetingKind } from '@linli/contracts/meeting-labels';
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { trustedCommunityId } from '../../platform/access/trusted-scope.js';
import { iso } from '../../platform/time.js';
import { placeRefs } from '../places/index.js';
import * as repo from './meetings.repository.js';
import { compoundNamesOf } from './meetings.service.js';

/**
 * The phone's list of a community's upcoming meetings (of one compound, or all): kind, time, place and the topics'
 * titles. No names of hosts, attendees or residents: anyone with the community's code may read it.
 */
export async function upcomingMeetings(
  ctx: AppContext,
  communityCode: string,
  compoundId?: number,
): Promise<{ communityName: string; items: PublicMeeting[] }> {
  const c = await placeRefs.communityByCode(ctx.db, communityCode);
  if (!c) throw notFound('community');
  // A public page of one community, named by its code: no session scope exists here.
  const cid = trustedCommunityId(c.id);
  const { rows } = await repo.listMeetings(
    ctx.db,
    cid,
    { statuses: ['planned', 'held'], compoundId, from: new Date(Date.now() - 6 * 3600_000) },
    { offset: 0, limit: 50, sort: 'startsAt', order: 'asc' },
  );
  const [names, topics] = await Promise.all([
    compoundNamesOf(
      ctx,
      rows.map((r) => r.compound_id),
    ),
    repo.listTopics(
      ctx.db,
      cid,
      rows.map((r) => r.id),
    ),
  ]);
  return {
    communityName: c.name,
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind as MeetingKind,
      title: r.title,
      compoundName: r.compound_id ? (names.get(r.compound_id) ?? null) : null,
      startsAt: iso(r.starts_at),
      endsAt: iso(r.ends_at),
      place: r.place,
      topics: topics.filter((t) => t.meeting_id === r.id).map((t) => t.title),
    })),
  };
}
