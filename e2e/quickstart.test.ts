import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort } from './support/server.js';

const root = path.resolve(import.meta.dirname, '..');

describe('the README quick start', () => {
  it('`npm start` serves Linli with its embedded database and demo data', async () => {
    const port = await freePort();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-quickstart-'));
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
    delete env.DATABASE_URL;
    const proc = spawn('npm', ['start'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let out = '';
    proc.stdout.on('data', (d) => (out += d));
    proc.stderr.on('data', (d) => (out += d));
    try {
      let health: unknown;
      for (let i = 0; i < 600 && proc.exitCode === null; i++) {
        health = await fetch(`http://127.0.0.1:${port}/api/health`)
          .then((r) => r.json())
          .catch(() => undefined);
        if (health) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(health, out).toMatchObject({ status: 'ok', database: 'pglite' });
      const page = await fetch(`http://127.0.0.1:${port}/`);
      expect(page.headers.get('content-type')).toContain('text/html');
      const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login: 'jgc_shuji', password: 'linli2026' }),
      });
      expect(login.status).toBe(200);
    } finally {
      if (proc.pid) process.kill(-proc.pid, 'SIGTERM');
      await new Promise((r) => setTimeout(r, 500));
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
