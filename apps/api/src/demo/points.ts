import type { AppContext } from '../platform/context.js';
import { writeAudit } from '../platform/audit/audit.js';
import { hashPassword } from '../modules/auth/index.js';
import { ensureVolunteer } from '../modules/volunteers/index.js';
import { post } from '../modules/volunteers/points/ledger.service.js';
import { accounts } from '../modules/volunteers/points/rules.js';
import * as perks from '../modules/volunteers/points/perks.repository.js';
import * as redemptions from '../modules/volunteers/points/redemptions.repository.js';
import { hashRedemptionCode, newRedemptionCode } from '../modules/volunteers/points/codes.js';
import { trustedCommunityId } from '../platform/access/trusted-scope.js';
import { DEMO_PASSWORD } from './accounts.js';

const DAY = 86_400_000;

/**
 * 窑洲's caring merchants (爱心商家) and their 专属优惠包: volunteers earn points by their service hours and spend them
 * at the barber's, the grocery and the pharmacy on the street. Our own names and shelf prices in points.
 */
const merchants = [
  {
    name: '窑洲老街理发店',
    description: '爱心商家：志愿者凭积分理发，老人上门理发',
    perks: [
      { title: '理发一次', terms: '凭兑换码到店，周一至周五可用，不含烫染', price: 20, stock: 30 },
      { title: '老人上门理发', terms: '为家中高龄老人上门理发一次，提前一天预约', price: 40, stock: 10 },
    ],
  },
  {
    name: '窑洲邻里便民超市',
    description: '爱心商家：积分换米面油和日用品',
    perks: [
      { title: '大米 5 公斤', terms: '到店凭码领取，每人每月限一次', price: 50, stock: 20 },
      { title: '洗衣液一瓶', terms: '到店凭码领取', price: 15, stock: 40 },
    ],
  },
  {
    name: '窑洲仁和大药房',
    description: '爱心商家：积分换家庭常备药箱和免费测血压',
    perks: [{ title: '家庭常备药箱', terms: '含体温计、创可贴、碘伏棉签，到店凭码领取', price: 30, stock: 15 }],
  },
] as const;

/** Demo volunteers of 窑洲 (their points: hours already earned at 1 point an hour, and a bonus for the 敬老 month). */
const volunteers = [
  { name: '周桂兰', earned: [12, 18, 8] },
  { name: '谭志强', earned: [20, 16] },
  { name: '欧阳丽', earned: [6, 10, 9, 14] },
  { name: '李建军', earned: [30, 25] },
];

/**
 * The merchant contact of the barber's, who honours codes on the phone, and a volunteer of 窑洲 (李建军) who earns and
 * spends points on the phone (README; the seed test counts them; the e2e journey of issue 10 uses both).
 */
export const demoPointsAccounts = [
  { username: 'yz_shangjia', role: 'partner_contact', name: '窑洲老街理发店 店主', organisation: merchants[0].name },
  { username: 'yz_zhiyuan', role: 'volunteer', name: '志愿者 李建军', volunteer: '李建军' },
] as const;

/** Seeds 窑洲's merchants, perks, volunteers' points and a few redemptions (one honoured). Skips when 窑洲 is absent. */
export async function seedPoints(ctx: AppContext, now = new Date()): Promise<void> {
  const community = await ctx.db.selectFrom('communities').select('id').where('code', '=', 'XT-YT-ZS-YZ').executeTakeFirst();
  if (!community) return;
  const cid = trustedCommunityId(community.id);
  const staff = await ctx.db.selectFrom('accounts').select('id').where('username', '=', 'yz_shuji').executeTakeFirstOrThrow();
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY);
  const day = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await ctx.db.transaction().execute(async (trx) => {
    const perkIds: Array<{ id: number; partnerId: number; title: string; price: number }> = [];
    const partnerIds = new Map<string, number>();
    for (const m of merchants) {
      const existing = await trx.selectFrom('partners').select('id').where('community_id', '=', cid).where('name', '=', m.name).executeTakeFirst();
      const partnerId =
        existing?.id ??
        (
          await trx
            .insertInto('partners')
            .values({
              community_id: cid,
              name: m.name,
              kind: 'merchant',
              description: m.description,
              joined_on: day(at(200)),
              contact_name: '店主',
              contact_phone_enc: null,
              contact_phone_masked: null,
              address: null,
            })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
      partnerIds.set(m.name, partnerId);
      for (const p of m.perks) {
        const id = await perks.insertPerk(trx, cid, {
          partner_id: partnerId,
          title: p.title,
          terms: p.terms,
          price_points: p.price,
          stock: p.stock,
          valid_from: day(at(90)),
          valid_to: day(at(-275)),
          created_by: staff.id,
        });
        await writeAudit(trx, null, { communityId: cid, action: 'perk.created', entityType: 'perk', entityId: id });
        perkIds.push({ id, partnerId, title: p.title, price: p.price });
      }
    }
    // The barber's contact: a partner_contact tied to the merchant through its organisation.
    const barberId = partnerIds.get(merchants[0].name)!;
    const org = await trx
      .insertInto('organisations')
      .values({
        kind: 'partner_unit',
        department_type: null,
        name: merchants[0].name,
        contact_name: '店主',
        contact_phone: null,
        address: null,
        subdistrict_id: null,
        community_id: cid,
        partner_id: barberId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const a of demoPointsAccounts) {
      await trx
        .insertInto('accounts')
        .values({
          username: a.username,
          display_name: a.name,
          password_hash: passwordHash,
          role: a.role,
          community_id: cid,
          subdistrict_id: null,
          organisation_id: a.role === 'partner_contact' ? org.id : null,
        })
        .execute();
    }
    const contact = await trx.selectFrom('accounts').select('id').where('username', '=', demoPointsAccounts[0].username).executeTakeFirstOrThrow();
    // Volunteers' earned points (as the hours rule would have posted them), then redemptions.
    const holders: number[] = [];
    for (const [i, v] of volunteers.entries()) {
      const login = demoPointsAccounts.find((a) => 'volunteer' in a && a.volunteer === v.name);
      const accountId = login ? (await trx.selectFrom('accounts').select('id').where('username', '=', login.username).executeTakeFirstOrThrow()).id : null;
      // Registered with 窑洲's recruits (demo/volunteers.ts) when that ran, then linked to the login; else registered here.
      const known = await trx.selectFrom('volunteers').select('id').where('community_id', '=', cid).where('name', '=', v.name).executeTakeFirst();
      const id = await ensureVolunteer(trx, cid, { volunteerId: known?.id ?? null, name: v.name, accountId, by: staff.id });
      holders.push(id);
      for (const [j, pts] of v.earned.entries()) {
        await post(trx, cid, {
          volunteerId: id,
          kind: 'earned',
          delta: pts,
          counter: accounts.pool,
          reason: ['重阳节敬老活动', '晴岚家园垃圾分类值守', '关爱独居老人走访', '社区图书角整理'][(i + j) % 4]!,
          authorId: null,
          source: null,
          occurredAt: at(80 - j * 20 - i),
        });
      }
    }
    const redeem = async (holder: number, perk: (typeof perkIds)[number], daysAgo: number) => {
      await perks.takeOne(trx, cid, perk.id);
      const spent = await post(trx, cid, {
        volunteerId: holder,
        kind: 'spent',
        delta: -perk.price,
        counter: accounts.perk(perk.id),
        reason: `兑换「${perk.title}」`,
        authorId: null,
        source: { kind: 'perk', id: perk.id },
        occurredAt: at(daysAgo),
      });
      const id = await redemptions.insertRedemption(trx, cid, {
        perk_id: perk.id,
        partner_id: perk.partnerId,
        volunteer_id: holder,
        points: perk.price,
        code_hash: hashRedemptionCode(newRedemptionCode()),
        expires_at: new Date(at(daysAgo).getTime() + 7 * DAY),
        spent_entry_id: spent,
        created_by: staff.id,
      });
      await writeAudit(trx, null, { communityId: cid, action: 'redemption.issued', entityType: 'redemption', entityId: id });
      return id;
    };
    // 李建军 had his hair cut (honoured by the barber), 周桂兰 took a medicine box, 谭志强 holds a code for washing liquid.
    const haircut = await redeem(holders[3]!, perkIds[0]!, 10);
    await redemptions.endIssued(trx, haircut, { status: 'redeemed', at: at(9), by: contact.id });
    await writeAudit(trx, null, { communityId: cid, action: 'redemption.redeemed', entityType: 'redemption', entityId: haircut });
    await redeem(holders[0]!, perkIds[4]!, 2);
    await redeem(holders[1]!, perkIds[3]!, 1);
  });
}
