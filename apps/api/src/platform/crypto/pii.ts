import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Personal data at rest: AES-256-GCM for values, HMAC-SHA256 for exact-match lookups
 * (a phone or ID number can be found and de-duplicated without decrypting every row).
 */
export class PiiCipher {
  private readonly encKey: Buffer;
  private readonly macKey: Buffer;

  constructor(masterKey: Buffer) {
    if (masterKey.length !== 32) throw new Error('The encryption key must be 32 bytes');
    this.encKey = Buffer.from(crypto.hkdfSync('sha256', masterKey, Buffer.alloc(0), 'linli-pii-enc', 32));
    this.macKey = Buffer.from(crypto.hkdfSync('sha256', masterKey, Buffer.alloc(0), 'linli-pii-mac', 32));
  }

  encrypt(plain: string): string {
    const iv = crypto.randomBytes(12);
    const cipher = crypto.createCipheriv('aes-256-gcm', this.encKey, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `v1:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
  }

  decrypt(sealed: string): string {
    const raw = Buffer.from(sealed.slice(3), 'base64');
    const decipher = crypto.createDecipheriv('aes-256-gcm', this.encKey, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }

  hash(value: string): string {
    return crypto.createHmac('sha256', this.macKey).update(value.trim().toUpperCase()).digest('base64url');
  }

  /** Encrypted value, masked text and lookup hash for one phone or ID number, or nulls. */
  seal(value: string | null | undefined, mask: (v: string) => string) {
    if (!value) return { enc: null, masked: null, hash: null };
    return { enc: this.encrypt(value), masked: mask(value), hash: this.hash(value) };
  }
}

/** 13812341234 -> 138****1234 */
export function maskPhone(phone: string): string {
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}

/** 620102199001011234 -> 6201**********1234 */
export function maskIdCard(id: string): string {
  return id.length > 8 ? `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}` : '****';
}

/** The key from config, or a development key generated once into the data folder. */
export function loadMasterKey(configured: string | undefined, dataDir: string, log: { warn(msg: string): void }): Buffer {
  if (configured) return Buffer.from(configured, 'base64');
  const file = path.join(dataDir, 'secret.key');
  if (fs.existsSync(file)) return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
  fs.mkdirSync(dataDir, { recursive: true });
  const key = crypto.randomBytes(32);
  fs.writeFileSync(file, key.toString('base64') + '\n', { mode: 0o600 });
  log.warn(`Generated a development encryption key in ${file}; set LINLI_ENCRYPTION_KEY in production and back it up`);
  return key;
}
