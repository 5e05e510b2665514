import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorIn, createTestEnv, httpAs, signedInAccount, type TestEnv } from '../../../../test/harness.js';
import { buildVotingCompound } from '../../../../test/vote-fixtures.js';
import { closeDueVotes } from './close-job.js';

const HOUR = 3_600_000;

/** Votes through their routes: eligibility, art. 278, one ballot per voter on both channels, after close, publication, conventions. */
describe('votes', () => {
  let env: TestEnv;
  let sec: Awaited<ReturnType<typeof actorIn>>;
  let other: Awaited<ReturnType<typeof actorIn>>;
  let grid: { account: { id: number }; cookie: string };
  const as = (who: { cookie: string }) => httpAs(env.app, who);
  const anon = () => httpAs(env.app);
  const draft = (over: Record<string, unknown> = {}) => ({
    title: '加装电梯是否动用维修资金',
    matter: 'ordinary',
    eligibility: 'owners',
    opensAt: new Date(Date.now() - HOUR).toISOString(),
    closesAt: new Date(Date.now() + 24 * HOUR).toISOString(),
    publicityDays: 7,
    ...over,
  });
  /** A vote drafted, opened and with links for every voter: returns the id and each voter's key. */
  const openVote = async (over: Record<string, unknown>) => {
    const created = await as(sec).post('/api/votes', draft(over));
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as number;
    const opened = await as(sec).post(`/api/votes/${id}/open`, {});
    expect(opened.statusCode, opened.body).toBe(200);
    const links = await as(sec).post(`/api/votes/${id}/links`, {});
    expect(links.statusCode).toBe(201);
    const keys = (links.json().items as { voterId: number; label: string; path: string }[]).map((l) => ({ ...l, key: l.path.split('#k=')[1]! }));
    return { id, vote: opened.json(), keys };
  };
  const phone = (key: string, choice: string) => anon().post('/api/votes/ballot', { key, choice });
  const ballotCount = async (voteId: number) =>
    Number(
      (
        await env.ctx.db
          .selectFrom('vote_ballots')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('vote_id', '=', voteId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    env = await createTestEnv();
    sec = await actorIn(env, 'secretary');
    other = await actorIn(env, 'secretary');
    grid = await signedInAccount(env, 'grid_worker', sec.community.id);
  });
  afterAll(async () => env.close());

  it('lists who may vote by mode: one per household, adults 18 on the closing day, owners by recorded floor area', async () => {
    const closes = new Date(Date.now() + 48 * HOUR);
    // The children turn 18 on the closing day (Beijing): they count as adults.
    const bj = new Date(closes.getTime() + 8 * HOUR).toISOString().slice(0, 10);
    const childBorn = `${Number(bj.slice(0, 4)) - 18}${bj.slice(4)}`;
    const { compound } = await buildVotingCompound(env.ctx, sec.community.id, { homes: 4, areaOf: (i) => (i === 3 ? null : 100 + i), minors: 1, childBorn });
    const { compound: young } = await buildVotingCompound(env.ctx, sec.community.id, {
      homes: 2,
      minors: 1,
      childBorn: `${Number(bj.slice(0, 4)) - 17}-01-01`,
    });
    const count = async (eligibility: string, compoundId: number) =>
      (await openVote({ eligibility, compoundId, closesAt: closes.toISOString() })).vote.voterCount;
    expect(await count('households', compound.id)).toBe(4);
    expect(await count('adults', compound.id)).toBe(8);
    expect(await count('adults', young.id)).toBe(2);
    expect(await count('owners', compound.id)).toBe(3);
    const { id } = await openVote({ eligibility: 'owners', compoundId: compound.id });
    const voters = await as(sec).get(`/api/votes/${id}/voters`);
    expect(voters.json().items.map((v: { area: string }) => v.area)).toEqual(['100.00', '101.00', '102.00']);
    expect(voters.json().items[0].label).toContain('业主');
  });

  it('owners decide by 民法典 art. 278: two thirds take part, ordinary matters pass by more than half of owners and area', async () => {
    const { compound } = await buildVotingCompound(env.ctx, sec.community.id, { homes: 6, areaOf: (i) => [60, 60, 60, 60, 90, 150][i]! });
    const v = await openVote({ compoundId: compound.id });
    expect(v.vote.rule).toMatchObject({ statutory: true, weighted: true, quorum: { num: 2, den: 3 } });
    // 4 of 6 homes (exactly two thirds) but 240 of 480 m² (half): no quorum yet.
    for (const k of v.keys.slice(0, 4)) expect((await phone(k.key, 'yes')).statusCode).toBe(200);
    const live = await as(sec).get(`/api/votes/${v.id}`);
    expect(live.json().tally).toMatchObject({ outcome: 'no_quorum', participated: { count: 4, area: '240.00' }, eligible: { count: 6, area: '480.00' } });
    // The 150 m² home votes no: 5 homes, 390 m² take part; yes is 4 of 5 owners but 240 of 390 m² … passes (both > 1/2).
    expect((await phone(v.keys[5]!.key, 'no')).statusCode).toBe(200);
    const closed = await as(sec).post(`/api/votes/${v.id}/close`, {});
    expect(closed.json()).toMatchObject({
      status: 'closed',
      outcome: 'passed',
      tally: { yes: { count: 4, area: '240.00' }, no: { count: 1, area: '150.00' } },
    });
  });

  it('a major matter needs three quarters of participating owners AND area', async () => {
    const { compound } = await buildVotingCompound(env.ctx, sec.community.id, { homes: 4, areaOf: (i) => [50, 50, 50, 200][i]! });
    const v = await openVote({ compoundId: compound.id, matter: 'major' });
    // 3 of 4 owners say yes (three quarters) but only 150 of 350 m²: fails.
    for (const k of v.keys.slice(0, 3)) await phone(k.key, 'yes');
    await phone(v.keys[3]!.key, 'no');
    const closed = await as(sec).post(`/api/votes/${v.id}/close`, {});
    expect(closed.json()).toMatchObject({ outcome: 'failed', tally: { quorumMet: true } });
  });

  it('other kinds count by head with the shares the vote sets', async () => {
    const { compound } = await buildVotingCompound(env.ctx, sec.community.id, { homes: 9 });
    const v = await openVote({
      compoundId: compound.id,
      eligibility: 'households',
      matter: 'other',
      quorum: { num: 1, den: 3, strict: false },
      threshold: { num: 2, den: 3, strict: false },
    });
    await phone(v.keys[0]!.key, 'yes');
    await phone(v.keys[1]!.key, 'yes');
    await phone(v.keys[2]!.key, 'no');
    const closed = await as(sec).post(`/api/votes/${v.id}/close`, {});
    expect(closed.json()).toMatchObject({ outcome: 'passed', rule: { statutory: false, weighted: false }, tally: { participated: { count: 3 } } });
  });

  it('a vote that sets only its quorum keeps the default threshold (more than half), and the other way round', async () => {
    const { compound } = await buildVotingCompound(env.ctx, sec.community.id, { homes: 2 });
    const base = { compoundId: compound.id, eligibility: 'households', matter: 'other' };
    const onlyQuorum = await as(sec).post('/api/votes', draft({ ...base, quorum: { num: 1, den: 3, strict: false } }));
    expect(onlyQuorum.json().rule).toMatchObject({ quorum: { num: 1, den: 3, strict: false }, threshold: { num: 1, den: 2, strict: true } });
    const onlyThreshold = await as(sec).post('/api/votes', draft({ ...base, threshold: { num: 2, den: 3, strict: false } }));
    expect(onlyThreshold.json().rule).toMatchObject({ quorum: { num: 1, den: 2, strict: true }, threshold: { num: 2, den: 3, strict: false } });
  });

  it('one ballot per voter: a phone vote changes until the close, paper after phone (and phone after paper) is VOTE_ALREADY_CAST', async () => {
    const { compound } = await buildVotingCompound(env.ctx, sec.community.id, { homes: 3 });
    const v = await openVote({ compoundId: compound.id, eligibility: 'households' });
    const [a, b] = v.keys as [(typeof v.keys)[0], (typeof v.keys)[0]];
    expect((await phone(a.key, 'no')).json()).toMatchObject({ isChange: false });
    expect((await phone(a.key, 'yes')).json()).toMatchObject({ isChange: true, choice: 'yes' });
    const view = await anon().post('/api/votes/ballot/view', { key: a.key });
    expect(view.json()).toMatchObject({ myChoice: 'yes', myChannel: 'phone', canVote: true, tally: null });
    const paperOnPhone = await as(grid).post(`/api/votes/${v.id}/paper-ballots`, { voterId: a.voterId, ballotNo: 'A-001', choice: 'no' });
    expect(paperOnPhone.statusCode).toBe(409);
    expect(paperOnPhone.json().error.code).toBe('VOTE_ALREADY_CAST');
    expect((await as(grid).post(`/api/votes/${v.id}/paper-ballots`, { voterId: b.voterId, ballotNo: 'A-001', choice: 'no' })).statusCode).toBe(201);
    const phoneOnPaper = await phone(b.key, 'yes');
    expect(phoneOnPaper.json().error.code).toBe('VOTE_ALREADY_CAST');
    // The list counts each voter once, whatever the channel and however often a phone vote changed: 2 of 3.
    const listed = (await as(sec).get('/api/votes?pageSize=100')).json().items.find((x: { id: number }) => x.id === v.id);
    expect(listed).toMatchObject({ voterCount: 3, ballotCount: 2 });
    expect((await as(sec).get(`/api/votes/${v.id}`)).json()).toMatchObject({ voterCount: 3, ballotCount: 2 });
    // The ballot number is unique per vote.
    const taken = await as(grid).post(`/api/votes/${v.id}/paper-ballots`, { voterId: v.keys[2]!.voterId, ballotNo: 'A-001', choice: 'yes' });
    expect(taken.statusCode).toBe(400);
    expect(taken.json().error.details.fields[0]).toMatchObject({ field: 'ballotNo', rule: 'taken' });
    const tally = (await as(sec).get(`/api/votes/${v.id}`)).json().tally;
    expect(tally).toMatchObject({ yes: { count: 1 }, no: { count: 1 }, byChannel: { phone: 1, paper: 1 } });
    // A wrong key says nothing about anyone.
    expect((await phone('x'.repeat(43), 'yes')).json().error.code).toBe('VOTE_LINK_INVALID');
  });

  it('phone and paper for the same voter at once: exactly one ballot counts', async () => {
    const { compound } = await buildVotingCompound(env.ctx, sec.community.id, { homes: 5 });
    const v = await openVote({ compoundId: compound.id, eligibility: 'households' });
    for (const [i, k] of v.keys.entries()) {
      const res = await Promise.all([
        phone(k.key, 'yes'),
        as(grid).post(`/api/votes/${v.id}/paper-ballots`, { voterId: k.voterId, ballotNo: `P-${i}`, choice: 'no' }),
      ]);
      const codes = res.map((r) => r.statusCode).sort();
      expect([
        [200, 409],
        [201, 409],
      ]).toContainEqual(codes);
      expect(res.find((r) => r.statusCode === 409)!.json().error.code).toBe('VOTE_ALREADY_CAST');
    }
    expect(await ballotCount(v.id)).toBe(5);
  });

  it('a vote after the close gets VOTE_CLOSED and changes nothing; the closing job closes votes past their time', async () => {
    const { compound } = await buildVotingCompound(env.ctx, sec.community.id, { homes: 2 });
    const v = await openVote({ compoundId: compound.id, eligibility: 'households' });
    await phone(v.keys[0]!.key, 'yes');
    expect((await closeDueVotes(env.ctx, new Date(Date.now() + 25 * HOUR))) >= 1).toBe(true);
    const after = await as(sec).get(`/api/votes/${v.id}`);
    // One of two households took part: not more than half, so no quorum.
    expect(after.json()).toMatchObject({ status: 'closed', outcome: 'no_quorum' });
    expect(after.json().events.map((e: { action: string }) => e.action)).toEqual(['created', 'opened', 'closed']);
    const late = await phone(v.keys[0]!.key, 'no');
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('VOTE_CLOSED');
    const latePaper = await as(grid).post(`/api/votes/${v.id}/paper-ballots`, { voterId: v.keys[1]!.voterId, ballotNo: '9', choice: 'yes' });
    expect(latePaper.json().error.code).toBe('VOTE_CLOSED');
    expect(await ballotCount(v.id)).toBe(1);
    const ballot = await env.ctx.db.selectFrom('vote_ballots').select('choice').where('vote_id', '=', v.id).executeTakeFirstOrThrow();
    expect(ballot.choice).toBe('yes');
    expect((await anon().post('/api/votes/ballot/view', { key: v.keys[0]!.key })).json()).toMatchObject({ canVote: false, status: 'closed' });
  });

  it('bad input names the field and writes nothing; another community’s vote is 404; keys are stored hashed', async () => {
    const before = Number(
      (
        await env.ctx.db
          .selectFrom('votes')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    const backwards = await as(sec).post('/api/votes', draft({ closesAt: new Date(Date.now() - 2 * HOUR).toISOString() }));
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.details.fields[0]).toMatchObject({ field: 'closesAt', rule: 'not_after_opens' });
    const share = await as(sec).post(
      '/api/votes',
      draft({ eligibility: 'adults', matter: 'other', quorum: { num: 3, den: 2, strict: false }, threshold: { num: 1, den: 2, strict: true } }),
    );
    expect(share.statusCode).toBe(400);
    const { compound: foreign } = await buildVotingCompound(env.ctx, other.community.id, { homes: 1 });
    const foreignCompound = await as(sec).post('/api/votes', draft({ compoundId: foreign.id }));
    expect(foreignCompound.json().error.details.fields[0]).toMatchObject({ field: 'compoundId', rule: 'not_found' });
    const empty = await buildVotingCompound(env.ctx, sec.community.id, { homes: 1, areaOf: () => null });
    const noVoters = await as(sec).post('/api/votes', draft({ compoundId: empty.compound.id }));
    const opened = await as(sec).post(`/api/votes/${noVoters.json().id}/open`, {});
    expect(opened.json().error.details.fields[0]).toMatchObject({ field: 'eligibility', rule: 'no_eligible_voters' });
    expect((await as(sec).get(`/api/votes/${noVoters.json().id}`)).json().status).toBe('draft');
    expect(
      Number(
        (
          await env.ctx.db
            .selectFrom('votes')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    ).toBe(before + 1);
    // Another community's vote.
    const theirs = await as(other).post('/api/votes', draft({ compoundId: foreign.id, eligibility: 'households' }));
    expect((await as(sec).get(`/api/votes/${theirs.json().id}`)).statusCode).toBe(404);
    expect((await as(sec).post(`/api/votes/${theirs.json().id}/open`, {})).statusCode).toBe(404);
    // Keys: only hashes in the table, never the key itself.
    const { compound } = await buildVotingCompound(env.ctx, sec.community.id, { homes: 1 });
    const v = await openVote({ compoundId: compound.id, eligibility: 'households' });
    const stored = await env.ctx.db.selectFrom('vote_voters').select('token_hash').where('vote_id', '=', v.id).executeTakeFirstOrThrow();
    expect(stored.token_hash).toHaveLength(64);
    expect(stored.token_hash).not.toContain(v.keys[0]!.key);
    // Re-issuing a link retires the old one.
    const again = await as(sec).post(`/api/votes/${v.id}/links`, { voterIds: [v.keys[0]!.voterId] });
    expect((await phone(v.keys[0]!.key, 'yes')).json().error.code).toBe('VOTE_LINK_INVALID');
    expect((await phone(again.json().items[0].path.split('#k=')[1], 'yes')).statusCode).toBe(200);
  });

  it('publishes the result for the set days and adopts the convention version the vote passed', async () => {
    const { compound } = await buildVotingCompound(env.ctx, sec.community.id, { homes: 3 });
    const conv = await as(sec).post('/api/conventions', { title: '窑洲花园小区公约', compoundId: compound.id, body: '一、爱护公共设施。' });
    expect(conv.statusCode, conv.body).toBe(201);
    const version = conv.json().versions[0];
    const put = await as(sec).post(`/api/conventions/${conv.json().id}/versions/${version.id}/vote`, {
      matter: 'other',
      eligibility: 'households',
      opensAt: new Date(Date.now() - HOUR).toISOString(),
      closesAt: new Date(Date.now() + HOUR).toISOString(),
      publicityDays: 7,
    });
    expect(put.statusCode, put.body).toBe(201);
    const id = put.json().voteId;
    await as(sec).post(`/api/votes/${id}/open`, {});
    const keys = (await as(sec).post(`/api/votes/${id}/links`, {})).json().items.map((l: { path: string }) => l.path.split('#k=')[1]);
    for (const k of keys) await phone(k, 'yes');
    expect((await anon().get(`/api/votes/${id}/notice`)).statusCode).toBe(404);
    await as(sec).post(`/api/votes/${id}/close`, {});
    const published = await as(sec).post(`/api/votes/${id}/publish`, {});
    expect(published.json()).toMatchObject({ status: 'published', outcome: 'passed', conventionId: conv.json().id });
    const notice = await anon().get(`/api/votes/${id}/notice`);
    expect(notice.json()).toMatchObject({ status: 'published', tally: { outcome: 'passed', yes: { count: 3 } } });
    const pub = await anon().get(`/api/conventions/${conv.json().id}/public`);
    expect(pub.json()).toMatchObject({ current: { versionNo: 1, body: '一、爱护公共设施。', voteId: id } });
    // A second version goes to a vote that fails: the first stays current.
    const v2 = await as(sec).post(`/api/conventions/${conv.json().id}/versions`, { body: '一、爱护公共设施。二、禁止高空抛物。' });
    const second = v2.json().versions[1];
    const put2 = await as(sec).post(`/api/conventions/${conv.json().id}/versions/${second.id}/vote`, {
      matter: 'other',
      eligibility: 'households',
      opensAt: new Date(Date.now() - HOUR).toISOString(),
      closesAt: new Date(Date.now() + HOUR).toISOString(),
    });
    await as(sec).post(`/api/votes/${put2.json().voteId}/open`, {});
    await as(sec).post(`/api/votes/${put2.json().voteId}/close`, {});
    await as(sec).post(`/api/votes/${put2.json().voteId}/publish`, {});
    const after = (await as(sec).get(`/api/conventions/${conv.json().id}`)).json();
    expect(after.versions.map((x: { status: string }) => x.status)).toEqual(['current', 'rejected']);
    expect((await as(sec).post(`/api/votes/${put2.json().voteId}/publish`, {})).statusCode).toBe(409);
  });
});
