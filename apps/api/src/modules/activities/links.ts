import crypto from 'node:crypto';

// A sign-up's private link: 24 random bytes (base64url); only the SHA-256 is stored. The key travels in the URL fragment
// (#k=…), which browsers never send, and reaches the API in a request body, so it stays out of logs.
export const newSignupKey = (): string => crypto.randomBytes(24).toString('base64url');
export const hashSignupKey = (key: string): string => crypto.createHash('sha256').update(key, 'utf8').digest('hex');

// The check-in code shown at the door: six digits, stored as a hash bound to the activity, replaced when reissued.
export const newCheckinCode = (): string => crypto.randomInt(0, 1_000_000).toString().padStart(6, '0');
export const hashCheckinCode = (activityId: number, code: string): string =>
  crypto.createHash('sha256').update(`${activityId}:${code.trim()}`, 'utf8').digest('hex');
