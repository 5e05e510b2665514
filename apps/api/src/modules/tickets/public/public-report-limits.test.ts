import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../app.js';
import type { App } from '../../../platform/http/types.js';
import { buildCommunity, createTestEnv, type TestEnv } from '../../../../test/harness.js';

describe('anonymous report limits (per address, per community link)', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await createTestEnv({ PUBLIC_REPORT_LIMIT: '3', PUBLIC_REPORT_LINK_LIMIT: '5' });
  });
  afterAll(async () => env.close());

  async function newLink() {
    const community = await buildCommunity(env.ctx);
    const { code } = await env.ctx.db.selectFrom('communities').select('code').where('id', '=', community.id).executeTakeFirstOrThrow();
    const compound = await env.ctx.db
      .insertInto('compounds')
      .values({ community_id: community.id, grid_id: null, name: '晴岚家园', address: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const form = (await env.app.inject(`/api/public/communities/${code}`)).json();
    return { communityCode: code, compoundId: compound.id, categoryId: form.categories[0].id as number };
  }
  const report = (
    app: App,
    link: { communityCode: string; compoundId: number | null; categoryId: number },
    opts: { from?: string; forwardedFor?: string; lang?: string } = {},
  ) =>
    app.inject({
      method: 'POST',
      url: '/api/public/tickets',
      remoteAddress: opts.from ?? '127.0.0.1',
      headers: { ...(opts.forwardedFor ? { 'x-forwarded-for': opts.forwardedFor } : {}), ...(opts.lang ? { 'accept-language': opts.lang } : {}) },
      payload: { ...link, description: '楼道灯坏了好几天', contactPhone: '13900001111' },
    });

  it('limits one address even with a rotating X-Forwarded-For, and says in Chinese when to retry', async () => {
    const link = await newLink();
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) codes.push((await report(env.app, link, { from: '192.0.2.10', forwardedFor: `198.51.100.${i}` })).statusCode);
    expect(codes).toEqual([201, 201, 201, 429, 429]);
    const refused = await report(env.app, link, { from: '192.0.2.10' });
    expect(refused.json().error).toMatchObject({ code: 'TOO_MANY_REPORTS', message: '提交太频繁，请 10 分钟后再试' });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(500);
    expect((await report(env.app, link, { from: '192.0.2.10', lang: 'en' })).json().error.message).toBe('Too many reports, please try again in 10 min');
    // Another resident on the same link, from another address, still gets through.
    expect((await report(env.app, link, { from: '192.0.2.11' })).statusCode).toBe(201);
  });

  it('limits one community link across addresses, and two app instances share the count', async () => {
    const link = await newLink();
    const second = await buildApp(env.ctx, { serveWeb: false });
    await second.ready();
    try {
      const codes: number[] = [];
      for (let i = 0; i < 7; i++) codes.push((await report(i % 2 ? second : env.app, link, { from: `203.0.113.${i + 1}` })).statusCode);
      expect(codes).toEqual([201, 201, 201, 201, 201, 429, 429]);
      // Another compound of the same community is another link.
      expect((await report(env.app, { ...link, compoundId: null }, { from: '203.0.113.50' })).statusCode).toBe(201);
    } finally {
      await second.close();
    }
  });
});
