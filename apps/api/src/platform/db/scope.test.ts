import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, expectTypeOf, it } from 'vitest';
// The type test needs three repositories' own signatures, which no index.ts exports.
// eslint-disable-next-line boundaries/dependencies
import { findPartner } from '../../modules/partners/partners.repository.js';
// eslint-disable-next-line boundaries/dependencies
import { listGrids } from '../../modules/places/places.repository.js';
// eslint-disable-next-line boundaries/dependencies
import { listCategories } from '../../modules/tickets/tickets.repository.js';
import { scopeOf, resolveCommunityId, type Actor } from '../access/actor.js';
import { scopeOfCommunity, systemScope } from '../access/trusted-scope.js';
import { communityIn, inScope, type CommunityId, type Scope } from './scope.js';

const actor = {
  accountId: 1,
  role: 'secretary',
  displayName: 'x',
  communityId: 7,
  subdistrictId: 1,
  scope: [7],
  requestId: null,
  locale: 'zh-CN',
} satisfies Actor;
const db = null as never;

describe('the branded scope (ADR 0018)', () => {
  it('rejects a plain array, null or number where a repository wants a scope (checked by tsc: npm test type-checks first)', () => {
    expectTypeOf<readonly number[]>().not.toMatchTypeOf<Scope>();
    expectTypeOf<null>().not.toMatchTypeOf<Scope>();
    expectTypeOf<number>().not.toMatchTypeOf<CommunityId>();
    expectTypeOf(scopeOf(actor)).toEqualTypeOf<Scope>();
    expectTypeOf(resolveCommunityId(actor)).toEqualTypeOf<CommunityId>();
    const unscoped = () => {
      // @ts-expect-error an unscoped query does not compile: a plain array is no Scope
      void findPartner(db, [7], 1);
      // @ts-expect-error nor is null ("every community") without systemScope()
      void findPartner(db, null, 1);
      // @ts-expect-error a community id must come from the actor (resolveCommunityId) or a trusted constructor
      void listGrids(db, 7);
      // @ts-expect-error the tickets' repositories take a CommunityId too, not a plain number
      void listCategories(db, 7);
    };
    expect(typeof unscoped).toBe('function');
  });

  it('derives the scope from the actor, and checks a community against it', () => {
    expect(scopeOf(actor).ids).toEqual([7]);
    expect(scopeOf({ ...actor, role: 'system_admin', scope: 'all' }).ids).toBeNull();
    expect(communityIn(scopeOf(actor), 7)).toBe(7);
    expect(communityIn(scopeOf(actor), 8)).toBeNull();
    expect(communityIn(systemScope(), 8)).toBe(8);
    expect(inScope(scopeOfCommunity(3), 'x.community_id')).toBeDefined();
  });

  it('is made only by the actor and the trusted constructors', () => {
    const src = path.join(path.dirname(fileURLToPath(import.meta.url)), '../..');
    const makers: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, e.name);
        if (e.isDirectory()) walk(full);
        else if (
          e.name.endsWith('.ts') &&
          !e.name.endsWith('.test.ts') &&
          /\bmake(Scope|CommunityId)\(|as Scope\b|as CommunityId\b/.test(fs.readFileSync(full, 'utf8'))
        ) {
          makers.push(path.relative(src, full).split(path.sep).join('/'));
        }
      }
    };
    walk(src);
    expect(makers.sort()).toEqual(['platform/access/actor.ts', 'platform/access/trusted-scope.ts', 'platform/db/scope.ts']);
  });
});
