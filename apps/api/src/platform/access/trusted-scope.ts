import { makeCommunityId, makeScope, type CommunityId, type Scope } from '../db/scope.js';

/**
 * Scopes for trusted internal callers only: periodic jobs, the demo seeder, event subscribers acting on a row they
 * were handed, and tests. Requests get theirs from authentication (`scopeOf(actor)`); every use here is greppable
 * (`systemScope(`, `scopeOfCommunity(`, `trustedCommunityId(`) and the reason sits beside it.
 */
export const systemScope = (): Scope => makeScope(null);
export const scopeOfCommunity = (communityId: number): Scope => makeScope([communityId]);
export const trustedCommunityId = (communityId: number): CommunityId => makeCommunityId(communityId);
