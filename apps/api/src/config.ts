import path from 'node:path';
import { z } from 'zod';

const bool = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('./data'),
  // Files the server writes (exports): one folder that every API process of an installation shares. Default DATA_DIR/files.
  FILES_DIR: z.string().min(1).optional(),
  // 0: this process serves HTTP only; the scheduler, outbox dispatcher, background jobs and webhook sender run elsewhere.
  LINLI_WORKERS: bool.default(true),
  LINLI_DEMO: bool.default(true),
  LINLI_ENCRYPTION_KEY: z
    .string()
    .regex(/^[A-Za-z0-9+/]{43}=$/, 'must be 32 bytes in base64 (openssl rand -base64 32)')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(24 * 7),
  COOKIE_SECURE: bool.default(false),
  PUBLIC_ORIGIN: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const origins = (v ?? '')
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean);
      for (const o of origins) {
        if (!/^https?:\/\/[^/?#]+$/i.test(o)) ctx.addIssue({ code: 'custom', message: `"${o}" is not an origin such as https://linli.example.cn` });
      }
      return origins.map((o) => new URL(o).origin);
    }),
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  TRUST_PROXY: z
    .string()
    .default('none')
    .refine((v) => trustProxyEntries(v).every(isProxyEntry), 'must be none, or a comma-separated list of addresses, CIDRs, loopback, linklocal or uniquelocal'),
  LOGIN_ACCOUNT_LOCK_AFTER: z.coerce.number().int().min(1).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(1),
  LOGIN_LOCK_MAX_MINUTES: z.coerce.number().int().min(1).default(60),
  PUBLIC_REPORT_LIMIT: z.coerce.number().int().min(1).default(10),
  PUBLIC_REPORT_LINK_LIMIT: z.coerce.number().int().min(1).default(60),
  WEB_DIST: z.string().optional(),
  TZ_DEFAULT: z.string().default('Asia/Shanghai'),
  // Comma-separated hosts, addresses or CIDRs webhooks may reach although they are not public (an intranet installation).
  WEBHOOK_ALLOW_HOSTS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((h) => h.trim().toLowerCase())
        .filter(Boolean),
    )
    .refine((hs) => hs.every((h) => /^[a-z0-9.\-_:[\]]+(\/\d{1,3})?$/.test(h)), 'must be hosts, addresses or CIDRs separated by commas'),
});

const trustProxyEntries = (v: string) =>
  v.trim() === 'none' || v.trim() === ''
    ? []
    : v
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean);
const ipv4 = /^(\d{1,3})(\.\d{1,3}){3}$/;
const isProxyEntry = (entry: string) => {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(entry)) return true;
  const [addr, bits, extra] = entry.split('/');
  if (extra !== undefined || !addr) return false;
  const isV4 = ipv4.test(addr) && addr.split('.').every((o) => Number(o) <= 255);
  const isV6 = !isV4 && addr.includes(':') && /^[0-9a-fA-F:.]+$/.test(addr);
  if (!isV4 && !isV6) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (isV4 ? 32 : 128));
};

/** How many failed logins lock an address or an account, and for how long; the lock doubles with each further failure, up to the cap. */
export interface LoginLimits {
  addressLockAfter: number;
  accountLockAfter: number;
  lockMinutes: number;
  lockMaxMinutes: number;
}

export interface Config {
  env: 'development' | 'production' | 'test';
  http: { port: number; host: string; cookieSecure: boolean; loginRateLimit: number; webDist?: string; trustProxy: string[] };
  limits: { login: LoginLimits; publicReportsPerAddress: number; publicReportsPerLink: number };
  db: { url?: string; dataDir: string };
  /** Absolute folder for files the server writes, shared by every process (FILES_DIR, default DATA_DIR/files; ADR 0021). */
  filesDir: string;
  /** Whether this process runs the background workers besides serving HTTP (LINLI_WORKERS). */
  runWorkers: boolean;
  demo: boolean;
  encryptionKey?: string;
  logLevel: string;
  sessionTtlHours: number;
  defaultTimezone: string;
  /** Origins besides the server's own whose pages may write with a session (PUBLIC_ORIGIN, ADR 0014). */
  publicOrigins: string[];
  webhooks: { allowHosts: string[] };
}

/** The only reader of process.env. Fails with every problem listed, not just the first. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    http: {
      port: e.PORT,
      host: e.HOST,
      cookieSecure: e.COOKIE_SECURE,
      loginRateLimit: e.LOGIN_RATE_LIMIT,
      webDist: e.WEB_DIST,
      trustProxy: trustProxyEntries(e.TRUST_PROXY),
    },
    limits: {
      login: {
        addressLockAfter: e.LOGIN_RATE_LIMIT,
        accountLockAfter: e.LOGIN_ACCOUNT_LOCK_AFTER,
        lockMinutes: e.LOGIN_LOCK_MINUTES,
        lockMaxMinutes: e.LOGIN_LOCK_MAX_MINUTES,
      },
      publicReportsPerAddress: e.PUBLIC_REPORT_LIMIT,
      publicReportsPerLink: e.PUBLIC_REPORT_LINK_LIMIT,
    },
    db: { url: e.DATABASE_URL, dataDir: e.DATA_DIR },
    filesDir: path.resolve(e.FILES_DIR ?? path.join(e.DATA_DIR, 'files')),
    runWorkers: e.LINLI_WORKERS,
    demo: e.LINLI_DEMO,
    encryptionKey: e.LINLI_ENCRYPTION_KEY,
    logLevel: e.LOG_LEVEL,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    defaultTimezone: e.TZ_DEFAULT,
    publicOrigins: e.PUBLIC_ORIGIN,
    webhooks: { allowHosts: e.WEBHOOK_ALLOW_HOSTS },
  };
}
