import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as contracts from '@linli/contracts';
import {
  channelLabels,
  channels,
  closeReasonLabels,
  closeReasons,
  errorCodes,
  errorMessages,
  fieldNames,
  fieldRules,
  formatFieldIssue,
  locales,
  ratingLabels,
  ratings,
  reminderKinds,
  reminderLabels,
  roleLabels,
  roles,
  ticketActionLabel,
  ticketActionLabels,
  ticketActorKinds,
  ticketActorLabels,
  ticketActorText,
  ticketEventKinds,
  ticketEventNote,
  ticketPublicEventLabels,
  ticketStatuses,
  ticketStatusLabels,
} from '@linli/contracts';
import { reminderKinds as apiReminderKinds } from '../src/modules/tickets/acting/reminders.js';

// "No raw code reaches a screen" (issue 7 item 8, ADR 0035): every code the API sends that a page shows has a zh-CN and
// an en label in contracts, and no label is itself a code. The e2e twin (e2e/words.test.ts) scans the pages' text.
const snake = /^[a-z0-9]+(_[a-z0-9]+)+$/;
const han = /\p{Script=Han}/u;

function expectWorded(name: string, codes: readonly string[], labels: Record<'zh-CN' | 'en', Record<string, string>>) {
  for (const locale of locales)
    for (const code of codes) {
      const label = labels[locale][code];
      expect(label, `${name} ${locale} ${code}`).toBeTruthy();
      expect(label === code || snake.test(label!), `${name} ${locale} ${code} reads as a code: ${label}`).toBe(false);
      if (locale === 'zh-CN') expect(han.test(label!), `${name} zh-CN ${code} has no Chinese: ${label}`).toBe(true);
    }
}

const apiSrc = path.resolve(import.meta.dirname, '../src');
const contractsSrc = path.resolve(import.meta.dirname, '../../../packages/contracts/src');
function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}
const allSource = [...sources(apiSrc), ...sources(contractsSrc)].map((f) => fs.readFileSync(f, 'utf8')).join('\n');
const actingSource = sources(path.join(apiSrc, 'modules/tickets/acting'))
  .map((f) => fs.readFileSync(f, 'utf8'))
  .join('\n');
const literals = (re: RegExp, text = allSource) => [...new Set([...text.matchAll(re)].map((m) => m[1]!))];

describe('no raw code reaches a screen', () => {
  it('every enum a page shows has a zh-CN and an en label that is not a code', () => {
    expectWorded('status', ticketStatuses, ticketStatusLabels);
    expectWorded('channel', channels, channelLabels);
    expectWorded('rating', ratings, ratingLabels);
    expectWorded('role', roles, roleLabels);
    expectWorded('timeline step', ticketEventKinds, ticketActionLabels);
    expectWorded('actor', ticketActorKinds, ticketActorLabels);
    expectWorded('reminder', reminderKinds, reminderLabels);
    expectWorded('close reason', closeReasons, closeReasonLabels);
    expectWorded('error code', errorCodes, errorMessages);
    for (const locale of locales)
      for (const kind of Object.keys(ticketPublicEventLabels[locale])) expect(ticketEventKinds as readonly string[], kind).toContain(kind);
  });

  it('every rule, field and actor the API writes is in the catalog', () => {
    const rules = literals(/\brule: '([a-z_]+)'/g);
    expect(rules.length).toBeGreaterThan(20);
    for (const rule of rules) expect(Object.keys(fieldRules['zh-CN']), `rule ${rule}`).toContain(rule);
    const fields = literals(/\bfield: '([A-Za-z.]+)'/g).map((f) => f.split('.').pop()!);
    expect(fields.length).toBeGreaterThan(10);
    for (const field of fields) expect(Object.keys(fieldNames['zh-CN']), `field ${field}`).toContain(field);
    const actors = literals(/\bactorLabel: '([a-z_]+)'/g);
    expect(actors).toContain('resident');
    for (const actor of actors) expect(ticketActorKinds as readonly string[], `actor ${actor}`).toContain(actor);
    for (const prefix of literals(/`([a-z0-9]+):\$\{client\.name\}`/g)) expect(ticketActorKinds as readonly string[], `actor ${prefix}`).toContain(prefix);
    for (const reason of literals(/\breason: '([a-z_]+)'/g, actingSource))
      expect(closeReasons as readonly string[], `close reason ${reason}`).toContain(reason);
    expect([...apiReminderKinds]).toEqual([...reminderKinds]);
  });

  it('every field of an input schema has a name in both languages', () => {
    const input = /^(create|update|set|change|login|transition)\w*Schema$|^(publicTicket|publicRate|publicInfo)Schema$|Query(Schema)?$/;
    let checked = 0;
    for (const [name, schema] of Object.entries(contracts)) {
      if (!(schema instanceof z.ZodObject) || !input.test(name) || name.startsWith('open311') || name.includes('Status')) continue;
      for (const field of Object.keys(schema.shape)) {
        checked++;
        for (const locale of locales) expect(fieldNames[locale][field], `${name}.${field} (${locale})`).toBeTruthy();
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('words the steps that record a code or a number, and the actors without an account', () => {
    expect(ticketEventNote('zh-CN', 'photos_added', '1')).toBe('1 张照片');
    expect(ticketEventNote('en', 'photos_added', '3')).toBe('3 photos');
    expect(ticketEventNote('zh-CN', 'reminded', 'resolution_overdue')).toBe('已超过办结时限');
    expect(ticketEventNote('zh-CN', 'close', 'unrated_timeout')).toBe('居民逾期未评价，自动结案');
    expect(ticketEventNote('zh-CN', 'assign', '请今天下午去看')).toBe('请今天下午去看');
    expect(ticketActorText('zh-CN', { actorName: 'resident', actorLabel: 'resident' })).toBe('居民');
    expect(ticketActorText('en', { actorName: 'system', actorLabel: 'system' })).toBe('System');
    expect(ticketActorText('zh-CN', { actorName: 'open311:市民热线', actorLabel: 'open311:市民热线' })).toBe('外部系统（市民热线）');
    // An answer from before actorLabel existed still reads in words.
    expect(ticketActorText('zh-CN', { actorName: 'resident' })).toBe('居民');
    expect(ticketActorText('zh-CN', { actorName: '王芳', actorLabel: null })).toBe('王芳');
    for (const kind of ticketEventKinds) expect(snake.test(ticketActionLabel('zh-CN', kind)), kind).toBe(false);
  });

  it('names a field as the form on screen labels it', () => {
    expect(formatFieldIssue('zh-CN', { field: 'name', rule: 'required' })).toBe('姓名不能为空');
    expect(formatFieldIssue('zh-CN', { field: 'name', rule: 'required' }, '小区名称')).toBe('小区名称不能为空');
    expect(formatFieldIssue('zh-CN', { field: 'title', rule: 'too_long', params: { max: 80 } }, '诉求')).toBe('诉求不能超过 80 个字符');
  });
});
