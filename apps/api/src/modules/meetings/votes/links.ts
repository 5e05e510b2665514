import crypto from 'node:crypto';

// Private voting links (ADR 0046): 32 random bytes (base64url), of which only the SHA-256 is stored. The key travels
// in the URL fragment (#k=…), which browsers never send, so it stays out of server and proxy logs.

export const newVoteKey = (): string => crypto.randomBytes(32).toString('base64url');
export const hashVoteKey = (key: string): string => crypto.createHash('sha256').update(key, 'utf8').digest('hex');
/** The phone page's path with the key in its fragment: the only place the key is ever written. */
export const voteLinkPath = (voteId: number, key: string): string => `/h5/vote/${voteId}#k=${key}`;
