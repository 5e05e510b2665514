import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PiiCipher, maskIdCard, maskPhone } from './pii.js';

describe('PiiCipher', () => {
  const cipher = new PiiCipher(crypto.randomBytes(32));

  it('round-trips and never stores the plaintext', () => {
    const sealed = cipher.encrypt('13812341234');
    expect(sealed).not.toContain('13812341234');
    expect(cipher.decrypt(sealed)).toBe('13812341234');
    expect(cipher.encrypt('13812341234')).not.toBe(sealed);
  });

  it('hashes equal values equally (case and spaces folded) and differs by key', () => {
    expect(cipher.hash(' 62010219900101123x ')).toBe(cipher.hash('62010219900101123X'));
    expect(new PiiCipher(crypto.randomBytes(32)).hash('62010219900101123X')).not.toBe(cipher.hash('62010219900101123X'));
  });

  it('refuses a tampered value', () => {
    const sealed = cipher.encrypt('13812341234');
    const raw = Buffer.from(sealed.slice(3), 'base64');
    raw.writeUInt8(raw.readUInt8(raw.length - 1) ^ 1, raw.length - 1);
    expect(() => cipher.decrypt(`v1:${raw.toString('base64')}`)).toThrow();
  });

  it('masks phones and ID numbers', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskIdCard('620102199001011234')).toBe('6201**********1234');
    expect(cipher.seal(null, maskPhone)).toEqual({ enc: null, masked: null, hash: null });
  });
});
