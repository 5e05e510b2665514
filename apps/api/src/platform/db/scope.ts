import { sql } from 'kysely';

declare const scopeBrand: unique symbol;
declare const communityBrand: unique symbol;

/**
 * The communities a caller may touch (ADR 0018). Branded, so a plain array or null does not type-check: a Scope comes
 * from an authenticated actor (`scopeOf` in platform/access/actor.ts) or, for system jobs, seeding and tests, from the
 * greppable constructors in platform/access/trusted-scope.ts. `ids` null means every community.
 */
export type Scope = { readonly ids: readonly number[] | null; readonly [scopeBrand]: true };

/** One community id the caller may act in: checked against a Scope (`communityIn`) or made by a trusted constructor. */
export type CommunityId = number & { readonly [communityBrand]: true };

/** Only platform/access (actor.ts, trusted-scope.ts) calls these; the scope test greps for other callers. */
export const makeScope = (ids: readonly number[] | null): Scope => ({ ids: ids === null ? null : [...ids] }) as Scope;
export const makeCommunityId = (id: number): CommunityId => id as CommunityId;

/** The scope of one community already checked (a CommunityId proves it). */
export const scopeOfOne = (communityId: CommunityId): Scope => makeScope([communityId]);

/** Whether the scope includes the community. */
export const scopeIncludes = (scope: Scope, communityId: number) => scope.ids === null || scope.ids.includes(communityId);

/**
 * A community id of a row found under the scope (or asked for by the caller), as a CommunityId; null when the scope
 * does not include it, so the caller answers 404.
 */
export const communityIn = (scope: Scope, communityId: number): CommunityId | null => (scopeIncludes(scope, communityId) ? makeCommunityId(communityId) : null);

/** SQL condition: the row's community column is in the scope. Every repository filters with it. */
export const inScope = (scope: Scope, column: string) =>
  scope.ids === null ? sql<boolean>`true` : sql<boolean>`${sql.ref(column)} = any(${sql.val([...scope.ids])}::bigint[])`;

/** A LIKE pattern matching the text anywhere, with the pattern characters escaped. */
export const likeOf = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
