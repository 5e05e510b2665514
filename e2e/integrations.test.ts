import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from './demo-accounts.js';
import { pngWithText } from '../apps/api/test/images.js';
import { requireBrowserOrExplain, screenshotDir } from './support/browser.js';
import { useServerAndBrowser } from './support/journey.js';
import { pickOption } from './support/antd.js';

const run = requireBrowserOrExplain();
const JURISDICTION = 'LZ-QLH-DHL-JGC';

describe.runIf(run)('integrations: a secretary connects a hotline through Open311 and a group bot through a webhook', () => {
  // The stand-in bot listens on 127.0.0.1, which webhooks reach only where the installation allow-lists it.
  const env = useServerAndBrowser({ WEBHOOK_ALLOW_HOSTS: '127.0.0.1' });
  // Stands in for the community's group bot: records every post it gets.
  const received: Array<{ url: string; headers: http.IncomingHttpHeaders; body: string }> = [];
  let receiver: http.Server;
  let receiverUrl: string;
  beforeAll(async () => {
    receiver = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push({ url: req.url!, headers: req.headers, body });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":0}');
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/bot`;
  });
  afterAll(async () => {
    await new Promise((r) => receiver?.close(r));
  });

  it('issues a key that files a request, revokes it, then adds a webhook and sees a ticket delivered in its log', async () => {
    const page = await env.browser.newPage({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    const shot = (name: string) => page.screenshot({ path: path.join(screenshotDir, `integrations-${name}.png`), fullPage: true });
    await page.goto(env.url + '/integrations');
    await page.getByTestId('login-username').fill('jgc_shuji');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('integrations-page').waitFor();
    expect(await page.getByTestId('nav').textContent()).toContain('系统对接');

    // What an integrator needs: the jurisdiction and the discovery URL of this server.
    await expect.poll(() => page.getByTestId('open311-jurisdiction').textContent()).toBe(JURISDICTION);
    expect(await page.getByTestId('open311-discovery').textContent()).toBe(`${env.url}/open311/v2/discovery.json`);
    const discovery = await fetch(`${env.url}/open311/v2/discovery.json`);
    expect(discovery.status).toBe(200);

    // Issue a key: a blank name is refused under the field, then the key is shown once.
    await page.getByTestId('open311-issue').click();
    await page.getByTestId('open311-issue-save').click();
    await expect.poll(() => page.getByTestId('open311-issue-form').locator('.ant-form-item-explain-error').textContent()).toBe('请填写对接单位名称');
    await page.getByTestId('open311-issue-name').fill('12345 市民热线');
    await page.getByTestId('open311-issue-save').click();
    const keyBox = page.getByTestId('open311-new-key');
    await keyBox.waitFor();
    const apiKey = (await keyBox.textContent())!.trim();
    expect(apiKey).toMatch(/^linli-[\w-]{24}$/);
    expect(await page.getByTestId('open311-key-warning').textContent()).toContain('密钥只显示这一次');
    await shot('key-once');
    await page.getByTestId('open311-key-close').click();
    await keyBox.waitFor({ state: 'detached' });
    const row = page.getByTestId('open311-table').locator('tr', { hasText: '12345 市民热线' });
    await expect.poll(() => row.textContent()).toContain(`${apiKey.slice(0, 10)}…`);
    expect(await row.textContent()).toContain('使用中');
    expect(await page.content()).not.toContain(apiKey);

    // The hotline files a request with that key.
    const services = (await (await fetch(`${env.url}/open311/v2/services.json?jurisdiction_id=${JURISDICTION}`)).json()) as Array<{ service_code: string }>;
    const serviceCode = services.find((s) => s.service_code === 'environment')?.service_code ?? services[0]!.service_code;
    const file = () =>
      fetch(`${env.url}/open311/v2/requests.json`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          api_key: apiKey,
          jurisdiction_id: JURISDICTION,
          service_code: serviceCode,
          description: '12345 转来：金海花园垃圾站异味扰民',
        }),
      });
    const filed = await file();
    expect(filed.status).toBe(201);
    expect(((await filed.json()) as Array<{ service_request_id: string }>)[0]!.service_request_id).toMatch(/^GD\d{6,}$/);

    // A phone app sends multipart with a photo and its position (ADR 0033); the keyed read gives both back.
    const body = new FormData();
    for (const [k, v] of Object.entries({
      api_key: apiKey,
      jurisdiction_id: JURISDICTION,
      service_code: serviceCode,
      description: '垃圾桶满溢',
      lat: '36.0611',
      long: '103.8343',
    }))
      body.append(k, v);
    body.append('media', new Blob([new Uint8Array(pngWithText())], { type: 'image/png' }), 'bin.png');
    const withPhoto = await fetch(`${env.url}/open311/v2/requests.xml`, { method: 'POST', body });
    expect(withPhoto.status).toBe(201);
    const photoCode = /<service_request_id>(GD\d+)<\/service_request_id>/.exec(await withPhoto.text())![1];
    const read = (await (await fetch(`${env.url}/open311/v2/requests/${photoCode}.json?jurisdiction_id=${JURISDICTION}&api_key=${apiKey}`)).json()) as Array<{
      lat: number;
      long: number;
      media_url: string;
    }>;
    expect(read[0]).toMatchObject({ lat: 36.0611, long: 103.8343 });
    expect((await fetch(read[0]!.media_url)).headers.get('content-type')).toBe('image/png');

    // Revoke it in the console (with a confirmation); the same request is refused.
    await row.getByRole('button', { name: /吊\s*销/ }).click();
    await page.getByTestId('open311-revoke-confirm').click();
    await expect.poll(() => row.textContent()).toContain('已吊销');
    expect(await row.getByRole('button', { name: /吊\s*销/ }).count()).toBe(0);
    const refused = await file();
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual([{ code: 403, description: 'api_key is not valid' }]);
    await shot('revoked');

    // A webhook: a bad URL is named under its field, then a signed generic JSON hook is saved.
    await page.getByTestId('webhooks-new').click();
    const form = page.getByTestId('webhook-form');
    await page.getByTestId('webhook-name').fill('金港城工作群');
    await pickOption(page.getByTestId('webhook-format'), '通用 JSON');
    await page.getByTestId('webhook-url').fill('ftp://example.com/hook');
    await page.getByTestId('webhook-save').click();
    await expect.poll(() => form.locator('.ant-form-item-explain-error').textContent()).toBe('网址格式不正确');
    await shot('webhook-error');
    // The server's own network is not a destination: the metadata address is refused under the field.
    await page.getByTestId('webhook-url').fill('http://169.254.169.254/latest/meta-data/');
    await page.getByTestId('webhook-save').click();
    await expect
      .poll(() => form.locator('.ant-form-item-explain-error').textContent())
      .toBe('网址必须是互联网上可访问的 http 或 https 地址，不能是本机或单位内网地址');
    await page.getByTestId('webhook-url').fill(receiverUrl);
    await page.getByTestId('webhook-secret').fill('jgc-s3cret');
    await page.getByTestId('webhook-save').click();
    await form.waitFor({ state: 'detached' });
    const hookRow = page.getByTestId('webhooks-table').locator('tr', { hasText: '金港城工作群' });
    await expect.poll(() => hookRow.textContent()).toContain('通用 JSON');
    expect(await hookRow.textContent()).toContain('已设置');
    expect(await page.content()).not.toContain('jgc-s3cret');
    const hooks = (await (await page.request.get(`${env.url}/api/webhooks`)).json()).items as Array<{ id: number; name: string; isActive: boolean }>;
    const hook = hooks.find((h) => h.name === '金港城工作群')!;

    // A ticket registered at the desk reaches the receiver, signed, and shows in the log.
    const cats = (await (await page.request.get(`${env.url}/api/ticket-categories`)).json()).items as Array<{ id: number }>;
    const ticket = await page.request.post(`${env.url}/api/tickets`, {
      data: { channel: 'walk_in', categoryId: cats[0]!.id, title: '楼道堆放杂物', description: '3号楼楼道堆放杂物，影响通行' },
    });
    expect(ticket.status()).toBe(201);
    const code = ((await ticket.json()) as { code: string }).code;
    await expect.poll(() => received.length, { timeout: 20_000 }).toBe(1);
    const got = received[0]!;
    expect(got.url).toBe('/bot');
    expect(got.headers['x-linli-signature']).toBe(`sha256=${crypto.createHmac('sha256', 'jgc-s3cret').update(got.body).digest('hex')}`);
    expect(JSON.parse(got.body)).toMatchObject({ event: 'ticket.created', ticket: { code, title: '楼道堆放杂物' } });

    await page.getByTestId(`webhook-log-${hook.id}`).click();
    const log = page.getByTestId('deliveries-table').locator('tbody tr.ant-table-row');
    await expect.poll(() => log.count(), { timeout: 15_000 }).toBe(1);
    const entry = await log.first().textContent();
    expect(entry).toContain('新诉求');
    expect(entry).toContain('已送达');
    expect(entry).toContain('200');
    expect(await page.getByTestId(`webhook-health-${hook.id}`).textContent()).toBe('正常');
    await shot('deliveries');
    await page.locator('.ant-drawer-close').click();
    await page.getByTestId('deliveries-drawer').waitFor({ state: 'hidden' });

    // Switched off in the table, the hook is off for the API too.
    await page.getByTestId(`webhook-active-${hook.id}`).click();
    await expect
      .poll(async () => ((await (await page.request.get(`${env.url}/api/webhooks`)).json()).items as typeof hooks).find((h) => h.id === hook.id)!.isActive)
      .toBe(false);
    await shot('page');

    // The same page in English.
    await pickOption(page.getByTestId('lang-switch'), 'English');
    await expect.poll(() => page.getByTestId('open311-card').textContent()).toContain('Issue key');
    await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
    expect(await page.getByTestId('webhooks-card').textContent()).toContain('Generic JSON');
    await shot('page-en');
  });
});
