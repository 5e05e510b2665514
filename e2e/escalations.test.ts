import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from './demo-accounts.js';
import { requireBrowserOrExplain, screenshotDir } from './support/browser.js';
import { useServerAndBrowser } from './support/journey.js';
import { consoleAs } from './support/login.js';
import { apiLogin } from './support/server.js';
import { pickOption } from './support/antd.js';

const run = requireBrowserOrExplain();

describe.runIf(run)('escalations: community → subdistrict → department → answer → resident rates (issue 7)', () => {
  const env = useServerAndBrowser();

  it('金港城 blows the whistle, 敦煌路街道 dispatches 城管, 城管 answers, the community closes and the resident rates', async () => {
    const sec = await apiLogin(env.url, 'jgc_shuji', DEMO_PASSWORD);
    const cats = (await (await fetch(`${env.url}/api/ticket-categories`, { headers: { cookie: sec } })).json()) as {
      items: Array<{ id: number; code: string }>;
    };
    const receipt = (await (
      await fetch(`${env.url}/api/public/tickets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          communityCode: 'LZ-QLH-DHL-JGC',
          categoryId: cats.items.find((c) => c.code === 'general')!.id,
          addressText: '金海花园东门',
          description: '东门外流动摊贩占道经营，晚上堵住消防通道',
          contactPhone: '13893100077',
        }),
      })
    ).json()) as { code: string; reference: string; link: string };
    const code = receipt.reference;

    // The secretary escalates from the ticket drawer, straight from 待受理, to the subdistrict office.
    const desk = await consoleAs(env, 'jgc_shuji');
    await desk.getByTestId('tickets-table').getByText(code).click();
    await desk.getByTestId('esc-open-dialog').click();
    await pickOption(desk.getByTestId('esc-organisation'), '敦煌路街道办事处');
    await desk.getByTestId('esc-reason').fill('多次劝离无效，需要城管执法');
    await desk
      .getByRole('button', { name: /保\s*存/ })
      .last()
      .click();
    await expect.poll(() => desk.getByTestId('ticket-escalations').textContent()).toContain('敦煌路街道办事处');
    await expect.poll(() => desk.getByTestId('ticket-status').textContent()).toBe('已上报');
    await desk.screenshot({ path: path.join(screenshotDir, 'escalation-drawer.png') });

    // The subdistrict's whistle board: dispatch to 城管 with the default deadline.
    const jiedao = await consoleAs(env, 'jiedao', { path: '/whistle-board', ready: 'whistle-table' });
    await jiedao.getByTestId('whistle-table').getByText(code, { exact: false }).waitFor();
    await jiedao.locator('[data-testid^=dispatch-]').first().click();
    await pickOption(jiedao.getByTestId('dispatch-departments'), '七里河区城市管理局');
    await jiedao.getByTestId('dispatch-reason').fill('请城管三日内报到处置');
    await jiedao
      .getByRole('button', { name: /保\s*存/ })
      .last()
      .click();
    await expect.poll(() => jiedao.getByTestId('whistle-table').textContent()).toContain('七里河区城市管理局');
    await jiedao.screenshot({ path: path.join(screenshotDir, 'whistle-board.png') });

    // 城管's contact sees only its own queue, accepts and answers.
    const cg = await consoleAs(env, 'qlh_chengguan', { path: '/escalations', ready: 'escalations-table' });
    await cg.getByTestId('escalations-table').getByText(code, { exact: false }).click();
    await cg.getByTestId('esc-act-accept').click();
    await cg
      .getByRole('button', { name: /保\s*存/ })
      .last()
      .click();
    await expect.poll(() => cg.getByTestId('escalations-table').textContent()).toContain('办理中');
    await cg.getByTestId('esc-act-answer').click();
    await cg.getByTestId('esc-text').fill('已联合执法清理摊贩，设置禁停标志');
    await cg
      .getByRole('button', { name: /保\s*存/ })
      .last()
      .click();
    await expect.poll(() => cg.getByTestId('escalations-table').textContent()).toContain('已答复');
    await cg.screenshot({ path: path.join(screenshotDir, 'department-queue.png') });

    // The whistle is answered and the ticket is back with the community, which closes it with the answer.
    const ticket = (await (await fetch(`${env.url}/api/tickets?q=${code}`, { headers: { cookie: sec } })).json()) as {
      items: Array<{ id: number; status: string }>;
    };
    expect(ticket.items[0]!.status).toBe('submitted');
    const done = await fetch(`${env.url}/api/tickets/${ticket.items[0]!.id}/answer_on_spot`, {
      method: 'POST',
      headers: { cookie: sec, 'content-type': 'application/json', origin: env.url },
      body: JSON.stringify({ note: '城管已清理摊贩并设禁停标志' }),
    });
    expect(done.status).toBe(200);

    // The resident rates on the tracking page.
    const phoneCtx = await env.browser.newContext({ viewport: { width: 390, height: 800 }, isMobile: true, locale: 'zh-CN' });
    const phone = await phoneCtx.newPage();
    const link = new URL(receipt.link, env.url);
    await phone.goto(env.url + link.pathname + link.search + link.hash);
    await expect.poll(() => phone.getByTestId('track-status').textContent()).toBe('已办结');
    await phone.getByTestId('rate-satisfied').click();
    await expect.poll(() => phone.getByTestId('track-status').textContent()).toBe('已结案');
    await phoneCtx.close();
  }, 400_000);
});
