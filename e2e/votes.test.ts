import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from './demo-accounts.js';
import { requireBrowserOrExplain, screenshotDir } from './support/browser.js';
import { useServerAndBrowser } from './support/journey.js';
import { consoleAs } from './support/login.js';
import { apiLogin } from './support/server.js';

const run = requireBrowserOrExplain();
const viewport = { width: 390, height: 844 };
const topicTitle = '兰石家属院小区公约和议事规则';
const conventionText = '一、爱护公共环境，垃圾分类投放。\n二、电动车不进楼道，到集中充电棚充电。\n三、小区公共事务由居民议事会协商，重大事项由业主表决。';

describe.runIf(run)('表决: from a meeting topic to a vote published on the phone, adopting the compound convention (issue 11)', () => {
  const env = useServerAndBrowser();

  it('walks a topic to an owners’ vote (art. 278), phone and paper ballots, the close, the 公示 and the convention on the phone', async () => {
    // Setup through the API: a 民情恳谈会 at 兰石家属院 held with one open topic, and the convention's draft (version 1).
    const cookie = await apiLogin(env.url, 'jl_shuji', DEMO_PASSWORD);
    const api = async <T>(method: string, url: string, body?: unknown): Promise<T> => {
      const res = await fetch(env.url + url, {
        method,
        headers: { cookie, 'content-type': 'application/json' },
        body: body ? JSON.stringify(body) : undefined,
      });
      expect(res.ok, `${method} ${url}: ${res.status}`).toBe(true);
      return (await res.json()) as T;
    };
    const compounds = await api<{ items: Array<{ id: number; name: string }> }>('GET', '/api/compounds');
    const compoundId = compounds.items.find((c) => c.name === '兰石家属院')!.id;
    const hour = 3_600_000;
    const meeting = await api<{ id: number }>('POST', '/api/meetings', {
      kind: 'hearing',
      title: '民情恳谈会·公约定稿',
      compoundId,
      startsAt: new Date(Date.now() - 2 * hour).toISOString(),
      endsAt: new Date(Date.now() - hour).toISOString(),
      place: '兰石家属院议事亭',
    });
    await api('POST', `/api/meetings/${meeting.id}/topics`, { sourceKind: 'new', title: topicTitle });
    await api('POST', `/api/meetings/${meeting.id}/hold`, { walkInCount: 12 });
    const convention = await api<{ id: number }>('POST', '/api/conventions', { title: '兰石家属院小区公约', compoundId, body: conventionText });

    // At the meeting's agenda the topic goes to a vote, and its link leads to the new vote's form.
    const sec = await consoleAs(env, 'jl_shuji', { path: '/meetings', ready: 'meetings-table' });
    await sec.getByTestId(`meeting-row-${meeting.id}`).click();
    await sec.getByTestId('topic-vote-1').click();
    await sec.getByTestId('meeting-step-ok').click();
    await sec.getByTestId('topic-outcome-1').waitFor();
    await sec.getByTestId('topic-start-vote-1').click();
    await sec.getByTestId('vote-form').waitFor();
    expect(await sec.getByTestId('vote-title').inputValue()).toBe(topicTitle);
    // Owners, ordinary matter: art. 278 applies, the form says so.
    expect(await sec.getByTestId('vote-statutory').textContent()).toContain('第二百七十八条');
    await sec.getByTestId('vote-convention').click();
    await sec.locator('.ant-select-item-option', { hasText: '兰石家属院小区公约' }).click();
    await sec.screenshot({ path: path.join(screenshotDir, 'console-vote-new.png') });
    await sec.getByTestId('vote-form-ok').click();
    const drawer = sec.getByTestId('vote-drawer');
    await expect.poll(() => drawer.getByTestId('vote-status').textContent()).toBe('草稿');
    expect(await drawer.getByTestId('vote-rule').textContent()).toContain('三分之二以上');

    // Open (the voter list freezes) and issue the links, shown once.
    await drawer.getByTestId('vote-open').click();
    await sec.getByTestId('vote-confirm-ok').click();
    await expect.poll(() => drawer.getByTestId('vote-status').textContent()).toBe('表决中');
    await drawer.getByTestId('vote-issue-links').click();
    const urls = await sec.getByTestId('vote-link-url').allTextContents();
    expect(urls).toHaveLength(3);
    for (const u of urls) expect(u).toMatch(/\/h5\/vote\/\d+#k=[A-Za-z0-9_-]{40,}$/);
    const voteId = Number(/\/h5\/vote\/(\d+)/.exec(urls[0]!)![1]);
    await sec.screenshot({ path: path.join(screenshotDir, 'console-vote-links.png') });
    await sec.getByTestId('vote-links-done').click();
    // The voter list shows who has a link, never a link itself.
    await expect.poll(() => drawer.getByTestId('vote-voters').textContent()).not.toContain('#k=');

    // Two owners vote on their phones; the second changes her mind before the close.
    const phone = async (url: string): Promise<Page> => {
      const ctx = await env.browser.newContext({ viewport, isMobile: true, hasTouch: true, locale: 'zh-CN' });
      const p = await ctx.newPage();
      await p.goto(url.replace(/^https?:\/\/[^/]+/, env.url));
      await p.getByTestId('h5-vote-options').waitFor();
      return p;
    };
    const first = await phone(urls[0]!);
    expect(await first.getByTestId('h5-vote-title').textContent()).toBe(topicTitle);
    await first.getByTestId('h5-vote-yes').click();
    await expect.poll(() => first.getByTestId('h5-vote-mine').textContent()).toContain('同意');
    expect(await first.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    await first.screenshot({ path: path.join(screenshotDir, 'h5-vote-cast.png'), fullPage: true });
    const second = await phone(urls[1]!);
    await second.getByTestId('h5-vote-no').click();
    await expect.poll(() => second.getByTestId('h5-vote-mine').textContent()).toContain('反对');
    await second.getByTestId('h5-vote-yes').click();
    await expect.poll(() => second.getByTestId('h5-vote-done').textContent()).toContain('以最后一次为准');
    await expect.poll(() => second.getByTestId('h5-vote-mine').textContent()).toContain('同意');

    // Staff enter the third owner's paper ballot; a paper ballot for the first owner (voted on the phone) is refused.
    const voters = await api<{ items: Array<{ id: number; channel: string | null }> }>('GET', `/api/votes/${voteId}/voters`);
    const onPaper = voters.items.find((v) => v.channel === null)!;
    const onPhone = voters.items.find((v) => v.channel === 'phone')!;
    await sec.reload();
    // The list shows who took part so far: two of the three owners, on the phone.
    await expect.poll(() => sec.getByTestId(`vote-turnout-${voteId}`).textContent()).toBe('2 / 3（67%）');
    await sec.getByTestId(`vote-row-${voteId}`).click();
    await drawer.getByTestId(`voter-paper-${onPhone.id}`).click();
    await sec.getByTestId('paper-no').fill('QL-0009');
    await sec.getByTestId('paper-choice').locator('.ant-radio-button-wrapper', { hasText: '反对' }).click();
    await sec.getByTestId('paper-ok').click();
    await expect.poll(() => sec.getByTestId('paper-error').textContent()).toContain('已通过另一种方式投过票');
    await sec.screenshot({ path: path.join(screenshotDir, 'console-vote-paper-refused.png') });
    await sec.locator('.ant-modal-close').click();
    await sec.getByTestId('paper-ok').waitFor({ state: 'detached' });
    await drawer.getByTestId(`voter-paper-${onPaper.id}`).click();
    await sec.getByTestId('paper-no').fill('QL-0001');
    await sec.getByTestId('paper-choice').locator('.ant-radio-button-wrapper', { hasText: '弃权' }).click();
    await sec.getByTestId('paper-ok').click();
    await expect.poll(() => drawer.getByTestId(`voter-${onPaper.id}`).textContent()).toContain('QL-0001');

    // Close: the result (3 of 3 owners and all the area took part; 2 yes in people and area) and publish it.
    await drawer.getByTestId('vote-close').click();
    await sec.getByTestId('vote-confirm-ok').click();
    await expect.poll(() => drawer.getByTestId('vote-status').textContent()).toBe('已截止');
    expect(await drawer.getByTestId('vote-outcome').textContent()).toBe('通过');
    expect(await drawer.getByTestId('tally-participated').textContent()).toContain('3');
    expect(await drawer.getByTestId('vote-quorum').textContent()).toContain('手机 2 票，纸质 1 票');
    await drawer.getByTestId('vote-publish').click();
    await sec.getByTestId('vote-confirm-ok').click();
    await expect.poll(() => drawer.getByTestId('vote-status').textContent()).toBe('已公示');
    await sec.screenshot({ path: path.join(screenshotDir, 'console-vote-result.png') });

    // The first owner's link now shows the result; any resident sees the 公示 and the adopted convention.
    await first.reload();
    await expect.poll(() => first.getByTestId('h5-vote-outcome').textContent()).toBe('通过');
    const rctx = await env.browser.newContext({ viewport, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    const resident = await rctx.newPage();
    await resident.goto(`${env.url}/h5?c=LZ-QLH-DHL-JL`);
    await resident.getByTestId('h5-votes-link').click();
    await resident.getByTestId(`h5-published-${voteId}`).waitFor();
    expect(await resident.getByTestId(`h5-published-${voteId}`).textContent()).toContain('通过');
    expect(await resident.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    await resident.screenshot({ path: path.join(screenshotDir, 'h5-votes-published.png'), fullPage: true });
    await resident.getByTestId(`h5-published-open-${voteId}`).click();
    await expect.poll(() => resident.getByTestId('h5-vote-outcome').textContent()).toBe('通过');
    expect(await resident.getByTestId('h5-result-turnout').textContent()).toContain('3 / 3');
    expect(await resident.getByTestId('h5-vote').textContent()).not.toMatch(/#k=|您的意见/);
    expect(await resident.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    await resident.screenshot({ path: path.join(screenshotDir, 'h5-vote-result.png'), fullPage: true });
    await resident.goto(`${env.url}/h5/convention?id=${convention.id}`);
    await expect.poll(() => resident.getByTestId('h5-convention-text').textContent()).toContain('电动车不进楼道');
    expect(await resident.getByTestId('h5-convention-adopted').textContent()).toContain('经业主表决通过');
    expect(await resident.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    await resident.screenshot({ path: path.join(screenshotDir, 'h5-convention.png'), fullPage: true });
    await rctx.close();
  }, 300_000);
});
