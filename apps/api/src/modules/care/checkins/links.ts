import crypto from 'node:crypto';

// One-tap check-in links: 32 random bytes (base64url), of which only the SHA-256 is stored. The token travels in the
// URL fragment (#t=…), which browsers never send, so it stays out of server and proxy logs.

export const newCheckinToken = (): string => crypto.randomBytes(32).toString('base64url');
export const hashCheckinToken = (token: string): string => crypto.createHash('sha256').update(token, 'utf8').digest('hex');
/** The phone page's path with the token in its fragment: the only place the token is ever written. */
export const checkinLinkPath = (token: string): string => `/h5/checkin#t=${token}`;
