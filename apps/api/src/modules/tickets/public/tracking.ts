import crypto from 'node:crypto';

/**
 * The reporter's secrets (ADR 0010). The tracking code finds a report and shows its progress; acting on it (rating,
 * adding information or photos) also needs proof that the reporter holds it: the key from the link given at submission,
 * or the last four digits of the phone the report was made with. Only hashes of both secrets are stored.
 */

const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** An unguessable tracking code a resident can read out on the phone: LL + 10 base31 characters. */
export function newTrackingCode(): string {
  const bytes = crypto.randomBytes(10);
  return 'LL' + [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
}

/** The second secret, carried only in the link's fragment: 128 random bits. */
export function newTrackingKey(): string {
  return crypto.randomBytes(16).toString('base64url');
}

const sha256 = (s: string) => crypto.createHash('sha256').update(s, 'utf8').digest('hex');
/** Codes are read out and typed by hand: case and spaces do not matter (the migration hashes the same way). */
export const hashTrackingCode = (code: string) => sha256(code.trim().toUpperCase());
export const hashTrackingKey = (key: string) => sha256(key.trim());

/** The link a resident keeps: the key sits in the fragment, which browsers never send to a server. */
export const trackingLink = (code: string, key: string) => `/h5/track/${code}#k=${key}`;

/** Looks like a tracking code: a staff search for it also matches reporters by the code's hash. */
export const isTrackingCodeShaped = (q: string) => /^LL[A-Z0-9]{10}$/i.test(q.trim());

export interface Proof {
  key?: string | undefined;
  lastFour?: string | undefined;
}
export interface ReporterProofState {
  key_hash: string | null;
  phone_masked: string | null;
  proof_failures: number;
  proof_locked_until: Date | null;
}

/** Why a proof is refused, and the field the resident must fix. */
export type ProofVerdict = { ok: true } | { ok: false; reason: 'missing' | 'wrong' | 'locked' | 'no_phone' | 'invalid'; field: 'trackingKey' | 'lastFour' };

const equal = (a: string, b: string) => a.length === b.length && crypto.timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** Checks a proof against a reporter. The key is 128 bits and is never locked out; the four digits are. */
export function checkProof(r: ReporterProofState, proof: Proof, now: Date): ProofVerdict {
  if (proof.key) return r.key_hash && equal(hashTrackingKey(proof.key), r.key_hash) ? { ok: true } : { ok: false, reason: 'wrong', field: 'trackingKey' };
  const lastFour = r.phone_masked && /\d{4}$/.test(r.phone_masked) ? r.phone_masked.slice(-4) : null;
  if (!proof.lastFour) return { ok: false, reason: lastFour ? 'missing' : 'no_phone', field: lastFour ? 'lastFour' : 'trackingKey' };
  if (!/^\d{4}$/.test(proof.lastFour)) return { ok: false, reason: 'invalid', field: 'lastFour' };
  if (!lastFour) return { ok: false, reason: 'no_phone', field: 'trackingKey' };
  if (r.proof_locked_until && r.proof_locked_until > now) return { ok: false, reason: 'locked', field: 'lastFour' };
  return equal(proof.lastFour, lastFour) ? { ok: true } : { ok: false, reason: 'wrong', field: 'lastFour' };
}

/** Every fifth wrong proof locks the four-digit path: 15 minutes, doubling each time, at most a day. */
export function lockAfter(failures: number, now: Date): Date | null {
  if (failures === 0 || failures % 5 !== 0) return null;
  const minutes = Math.min(15 * 2 ** (failures / 5 - 1), 24 * 60);
  return new Date(now.getTime() + minutes * 60_000);
}
