import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import type { App } from '../src/platform/http/types.js';
import { createTestEnv, type TestEnv } from './harness.js';

// The built web app over a real socket (ADR 0026): precompressed files chosen by accept-encoding, hashed assets
// cached for a year, page shells revalidated.
const script = `console.log(${JSON.stringify('邻里 '.repeat(2000))});\n`;
const html = '<!doctype html><html lang="zh-CN"><head><script type="module" src="/assets/console-Ab12Cd34.js"></script></head><body></body></html>';

function get(port: number, url: string, acceptEncoding?: string) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: url, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
  });
}

describe('web assets: precompressed, cached by name', () => {
  let env: TestEnv;
  let app: App;
  let port: number;
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-web-assets-'));
  beforeAll(async () => {
    fs.mkdirSync(path.join(dist, 'assets'));
    const js = path.join(dist, 'assets/console-Ab12Cd34.js');
    fs.writeFileSync(js, script);
    fs.writeFileSync(`${js}.br`, zlib.brotliCompressSync(script));
    fs.writeFileSync(`${js}.gz`, zlib.gzipSync(script));
    fs.writeFileSync(path.join(dist, 'index.html'), html);
    fs.writeFileSync(path.join(dist, 'index.html.stamp'), '{"src":1}');
    env = await createTestEnv({ WEB_DIST: dist });
    app = await buildApp(env.ctx, { serveWeb: true });
    await app.listen({ host: '127.0.0.1', port: 0 });
    port = (app.server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await app?.close();
    await env?.close();
    fs.rmSync(dist, { recursive: true, force: true });
  });

  it('sends the brotli file to a browser that takes br, gzip to one that takes only gzip, the plain file otherwise', async () => {
    const br = await get(port, '/assets/console-Ab12Cd34.js', 'gzip, deflate, br');
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(zlib.brotliDecompressSync(br.body).toString()).toBe(script);
    expect(br.body.length).toBeLessThan(Buffer.byteLength(script) / 5);

    const gz = await get(port, '/assets/console-Ab12Cd34.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.body).toString()).toBe(script);

    const plain = await get(port, '/assets/console-Ab12Cd34.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(script);
  });

  it('caches hashed assets for a year and revalidates the page shells', async () => {
    const asset = await get(port, '/assets/console-Ab12Cd34.js', 'br');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const url of ['/', '/tickets/42', '/index.html']) {
      const page = await get(port, url, 'br');
      expect(page.status, url).toBe(200);
      expect(page.headers['cache-control'], url).toBe('no-cache');
    }
  });

  it('compresses the page shell of client-side routes too', async () => {
    const br = await get(port, '/tickets', 'br;q=1, gzip;q=0.5');
    expect(br.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(br.body).toString()).toBe(html);
    const refused = await get(port, '/tickets', 'br;q=0, gzip');
    expect(refused.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(refused.body).toString()).toBe(html);
    const plain = await get(port, '/tickets');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(html);
  });

  it('leaves the API alone (an unknown API path is still a 404) and does not serve the build stamps', async () => {
    const res = await get(port, '/api/nothing-here', 'br');
    expect(res.status).toBe(404);
    expect(res.headers['content-encoding']).toBeUndefined();
    const stamp = await get(port, '/index.html.stamp');
    expect(stamp.body.toString()).not.toContain('"src"');
  });
});
