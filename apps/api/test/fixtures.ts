// The tests' factories for rows beyond a community and its accounts (those are in harness.ts), and test hooks.
import { sql } from 'kysely';
import type { AppContext } from '../src/platform/context.js';
import { maskPhone } from '../src/platform/crypto/pii.js';

let seq = 0;

/** Test data in tables this module only reads: a household in a compound, and a resident in it. */
export async function buildResident(ctx: AppContext, communityId: number, opts: { name?: string; phone?: string; household?: boolean } = {}) {
  const n = ++seq;
  let householdId: number | null = null;
  if (opts.household !== false) {
    const compound = await ctx.db
      .insertInto('compounds')
      .values({ community_id: communityId, name: `金海花园${n}`, address: null, grid_id: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const building = await ctx.db
      .insertInto('buildings')
      .values({ community_id: communityId, compound_id: compound.id, name: `${n}号楼`, floors: 6 })
      .returning('id')
      .executeTakeFirstOrThrow();
    const unit = await ctx.db
      .insertInto('units')
      .values({ community_id: communityId, building_id: building.id, name: '1单元' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const household = await ctx.db
      .insertInto('households')
      .values({ community_id: communityId, unit_id: unit.id, room_no: '301' })
      .returning('id')
      .executeTakeFirstOrThrow();
    householdId = household.id;
  }
  const phone = ctx.pii.seal(opts.phone ?? null, maskPhone);
  return ctx.db
    .insertInto('residents')
    .values({
      community_id: communityId,
      household_id: householdId,
      name: opts.name ?? `居民${n}`,
      gender: 'female',
      birth_date: null,
      phone_enc: phone.enc,
      phone_masked: phone.masked,
      phone_hash: phone.hash,
      relation: null,
      notes: null,
    })
    .returning(['id', 'name', 'household_id'])
    .executeTakeFirstOrThrow();
}

export async function buildGrid(ctx: AppContext, communityId: number, name = `第${++seq}网格`) {
  return ctx.db.insertInto('grids').values({ community_id: communityId, name, code: null }).returning(['id', 'name']).executeTakeFirstOrThrow();
}

export async function buildCompound(ctx: AppContext, communityId: number, name = `铁建丽苑${++seq}`) {
  return ctx.db
    .insertInto('compounds')
    .values({ community_id: communityId, name, address: null, grid_id: null })
    .returning(['id', 'name'])
    .executeTakeFirstOrThrow();
}

/**
 * Makes every later audit insert whose action starts with one of the prefixes fail (existing rows are not checked),
 * so a test can show that the change itself rolls back with it.
 */
export async function blockAudit(env: { ctx: AppContext }, actionPrefixes: string[]) {
  const condition = actionPrefixes.map((p) => `action not like '${p.replace(/'/g, "''")}%'`).join(' and ');
  await sql.raw(`alter table audit_log add constraint audit_blocked_for_test check (${condition}) not valid`).execute(env.ctx.db);
}
export async function unblockAudit(env: { ctx: AppContext }) {
  await sql`alter table audit_log drop constraint audit_blocked_for_test`.execute(env.ctx.db);
}
