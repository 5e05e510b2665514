import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { inScope, type CommunityId, type Scope } from '../../platform/db/scope.js';
import type { ServiceSourceKind } from '../../platform/db/schema/volunteers.js';

type Db = Kysely<DB> | Transaction<DB>;

/** SQL of service sessions (签到场次) and their sign-ins. */

export function insertSession(
  trx: Transaction<DB>,
  v: {
    community_id: CommunityId;
    source_kind: ServiceSourceKind;
    source_id: number | null;
    title: string;
    place: string | null;
    code_hash: string;
    opened_by: number;
    closes_at: Date;
  },
) {
  return trx.insertInto('service_sessions').values(v).returning(['id']).executeTakeFirstOrThrow();
}

const sessionColumns = [
  's.id',
  's.community_id',
  's.source_kind',
  's.source_id',
  's.title',
  's.place',
  's.opened_by',
  's.opened_at',
  's.closes_at',
  's.closed_at',
] as const;
const counts = [
  sql<number>`(select count(*)::int from service_session_signins g where g.session_id = s.id)`.as('signed_in'),
  sql<number>`(select count(*)::int from service_session_signins g where g.session_id = s.id and g.signed_out_at is not null)`.as('signed_out'),
];

export function listSessions(db: Db, communityId: CommunityId, limit = 50) {
  return db
    .selectFrom('service_sessions as s')
    .select(sessionColumns)
    .select(counts)
    .where('s.community_id', '=', communityId)
    .orderBy('s.id', 'desc')
    .limit(limit)
    .execute();
}

export function findSession(db: Db, scope: Scope, id: number) {
  return db
    .selectFrom('service_sessions as s')
    .select(sessionColumns)
    .select(counts)
    .where('s.id', '=', id)
    .where(inScope(scope, 's.community_id'))
    .executeTakeFirst();
}
export type SessionRow = NonNullable<Awaited<ReturnType<typeof findSession>>>;

/** The open session a code names (any community: the code is the credential), not yet past its closing time. */
export function sessionOfCode(trx: Transaction<DB>, codeHash: string, now: Date) {
  return trx
    .selectFrom('service_sessions')
    .select(['id', 'community_id', 'source_kind', 'source_id', 'title', 'opened_by', 'closes_at'])
    .where('code_hash', '=', codeHash)
    .where('closed_at', 'is', null)
    .where('closes_at', '>', now)
    .executeTakeFirst();
}

export function closeSession(trx: Transaction<DB>, communityId: CommunityId, id: number) {
  return trx
    .updateTable('service_sessions')
    .set({ closed_at: new Date() })
    .where('community_id', '=', communityId)
    .where('id', '=', id)
    .where('closed_at', 'is', null)
    .execute();
}

export function openSignin(trx: Transaction<DB>, sessionId: number, volunteerId: number) {
  return trx
    .selectFrom('service_session_signins')
    .select(['id', 'signed_in_at'])
    .where('session_id', '=', sessionId)
    .where('volunteer_id', '=', volunteerId)
    .where('signed_out_at', 'is', null)
    .forUpdate()
    .executeTakeFirst();
}

export function insertSignin(trx: Transaction<DB>, v: { community_id: number; session_id: number; volunteer_id: number }) {
  return trx.insertInto('service_session_signins').values(v).returning(['id', 'signed_in_at']).executeTakeFirstOrThrow();
}

export function closeSignin(trx: Transaction<DB>, id: number, at: Date, entryId: number) {
  return trx
    .updateTable('service_session_signins')
    .set({ signed_out_at: at, entry_id: entryId })
    .where('id', '=', id)
    .where('signed_out_at', 'is', null)
    .execute();
}

export function openSigninsOf(db: Db, communityId: CommunityId, volunteerId: number) {
  return db
    .selectFrom('service_session_signins as g')
    .innerJoin('service_sessions as s', 's.id', 'g.session_id')
    .select(['g.session_id', 's.title', 'g.signed_in_at'])
    .where('g.community_id', '=', communityId)
    .where('g.volunteer_id', '=', volunteerId)
    .where('g.signed_out_at', 'is', null)
    .orderBy('g.id', 'desc')
    .execute();
}
