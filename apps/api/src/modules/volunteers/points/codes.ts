import { createHash, randomInt } from 'node:crypto';

/** A one-time redemption code: 8 digits, easy to read out at a counter. Only its hash is stored. */
export const newRedemptionCode = (): string => String(randomInt(0, 100_000_000)).padStart(8, '0');
export const hashRedemptionCode = (code: string): string => createHash('sha256').update(`linli-redemption:${code}`).digest('hex');
