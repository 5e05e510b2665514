import crypto from 'node:crypto';

/**
 * The resident's private link to their wish (as tickets', ADR 0010 and 0036): a code that finds the wish and a key,
 * carried only in the link's fragment, that lets them confirm and thank. Only hashes of both are stored.
 */
const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const newWishCode = () => 'WX' + [...crypto.randomBytes(10)].map((b) => alphabet[b % alphabet.length]).join('');
export const newWishKey = () => crypto.randomBytes(16).toString('base64url');
const sha256 = (s: string) => crypto.createHash('sha256').update(s, 'utf8').digest('hex');
export const hashWishCode = (code: string) => sha256(code.trim().toUpperCase());
export const hashWishKey = (key: string) => sha256(key.trim());
export const wishLink = (code: string, key: string) => `/h5/wish/${code}#k=${key}`;

export function keyMatches(keyHash: string | null, key: string | undefined): boolean {
  if (!keyHash || !key) return false;
  const a = Buffer.from(hashWishKey(key));
  const b = Buffer.from(keyHash);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}
