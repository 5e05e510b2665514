import type { Transaction } from 'kysely';
import type { DB } from '../platform/db/schema.js';
import { writeAudit } from '../platform/audit/audit.js';

type Trx = Transaction<DB>;

/**
 * The organisations that answer the demo communities' escalations (issue 7): the functional departments of 七里河区
 * and 北仑区 (each serving its district), a police station serving its subdistrict, every subdistrict's office, and one
 * contact account per department and office (password `linli2026`, listed in the README). Numbers are made up.
 */
const departments: Array<{ district: string; type: string; name: string; phone: string; user: string; contact: string; subdistrict?: string }> = [
  { district: '七里河区', type: 'chengguan', name: '七里河区城市管理局', phone: '0931-2330101', user: 'qlh_chengguan', contact: '城管局 李科长' },
  { district: '七里河区', type: 'power', name: '国网兰州供电公司七里河供电服务中心', phone: '95598', user: 'qlh_gongdian', contact: '供电所 王班长' },
  { district: '七里河区', type: 'water', name: '兰州威立雅水务七里河营业所', phone: '0931-96399', user: 'qlh_gongshui', contact: '水务 赵站长' },
  { district: '七里河区', type: 'gas', name: '兰州昆仑燃气七里河服务站', phone: '0931-96777', user: 'qlh_ranqi', contact: '燃气 周站长' },
  { district: '七里河区', type: 'housing', name: '七里河区住房和城乡建设局', phone: '0931-2330202', user: 'qlh_zhujian', contact: '住建局 钱科长' },
  {
    district: '七里河区',
    type: 'police',
    name: '敦煌路派出所',
    phone: '0931-2330110',
    user: 'dhl_paichusuo',
    contact: '敦煌路派出所 吴警官',
    subdistrict: '敦煌路街道',
  },
  { district: '七里河区', type: 'market', name: '七里河区市场监督管理局', phone: '12315', user: 'qlh_shijian', contact: '市场监管 郑科长' },
  { district: '七里河区', type: 'civil_affairs', name: '七里河区民政局', phone: '0931-2330303', user: 'qlh_minzheng', contact: '民政局 冯科长' },
  { district: '北仑区', type: 'chengguan', name: '北仑区综合行政执法局', phone: '0574-86781234', user: 'bl_chengguan', contact: '执法局 陈队长' },
  { district: '北仑区', type: 'power', name: '国网宁波北仑供电公司', phone: '95598', user: 'bl_gongdian', contact: '供电 褚班长' },
  { district: '北仑区', type: 'water', name: '北仑区自来水公司', phone: '0574-86112345', user: 'bl_gongshui', contact: '自来水 卫站长' },
  { district: '北仑区', type: 'gas', name: '北仑区燃气公司', phone: '0574-86887777', user: 'bl_ranqi', contact: '燃气 蒋站长' },
  { district: '北仑区', type: 'housing', name: '北仑区住房和城乡建设局', phone: '0574-86782222', user: 'bl_zhujian', contact: '住建局 沈科长' },
  {
    district: '北仑区',
    type: 'police',
    name: '新碶派出所',
    phone: '0574-86110110',
    user: 'xq_paichusuo',
    contact: '新碶派出所 韩警官',
    subdistrict: '新碶街道',
  },
  { district: '北仑区', type: 'market', name: '北仑区市场监督管理局', phone: '12315', user: 'bl_shijian', contact: '市场监管 杨科长' },
  { district: '北仑区', type: 'civil_affairs', name: '北仑区民政局', phone: '0574-86783333', user: 'bl_minzheng', contact: '民政局 朱科长' },
];

/** Office contact accounts, by subdistrict. */
const officeUsers: Record<string, string> = {
  敦煌路街道: 'dhl_jiedaoban',
  西湖街道: 'xh_jiedaoban',
  西站街道: 'xz_jiedaoban',
  新碶街道: 'xq_jiedaoban',
  昭山镇: 'zs_zhenzhengfu',
};

/** The demo contact accounts (README); e2e reads them from here too. */
export const demoContactAccounts = [
  ...departments.map((d) => ({ username: d.user, name: d.contact, organisation: d.name })),
  ...Object.entries(officeUsers).map(([sub, user]) => ({ username: user, name: `${sub} 值班员`, organisation: officeName(sub) })),
];

function officeName(subdistrict: string) {
  return subdistrict.endsWith('镇') ? `${subdistrict}人民政府` : `${subdistrict}办事处`;
}

export async function seedOrganisations(trx: Trx, passwordHash: string): Promise<void> {
  const districts = await trx.selectFrom('districts').select(['id', 'name']).execute();
  const subdistricts = await trx.selectFrom('subdistricts').select(['id', 'name', 'district_id']).orderBy('id').execute();
  const addAccount = async (username: string, name: string, organisationId: number) => {
    const acc = await trx
      .insertInto('accounts')
      .values({
        username,
        display_name: name,
        password_hash: passwordHash,
        role: 'department_contact',
        community_id: null,
        subdistrict_id: null,
        organisation_id: organisationId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, null, { communityId: null, action: 'demo.seeded', entityType: 'account', entityId: acc.id });
  };
  for (const s of subdistricts) {
    const office = await trx
      .insertInto('organisations')
      .values({
        kind: 'subdistrict_office',
        department_type: null,
        name: officeName(s.name),
        contact_name: '值班室',
        contact_phone: '12345',
        address: null,
        subdistrict_id: s.id,
        community_id: null,
        partner_id: null,
        created_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('organisation_areas').values({ organisation_id: office.id, area_kind: 'subdistrict', area_id: s.id }).execute();
    if (officeUsers[s.name]) await addAccount(officeUsers[s.name]!, `${s.name} 值班员`, office.id);
  }
  for (const d of departments) {
    const district = districts.find((x) => x.name === d.district);
    if (!district) continue;
    const sub = d.subdistrict ? subdistricts.find((s) => s.name === d.subdistrict) : subdistricts.find((s) => s.district_id === district.id);
    if (!sub) continue;
    const org = await trx
      .insertInto('organisations')
      .values({
        kind: 'department',
        department_type: d.type,
        name: d.name,
        contact_name: d.contact,
        contact_phone: d.phone,
        address: null,
        subdistrict_id: sub.id,
        community_id: null,
        partner_id: null,
        created_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('organisation_areas')
      .values(
        d.subdistrict
          ? { organisation_id: org.id, area_kind: 'subdistrict', area_id: sub.id }
          : { organisation_id: org.id, area_kind: 'district', area_id: district.id },
      )
      .execute();
    await addAccount(d.user, d.contact, org.id);
  }
}
