import { tagLabels } from '@linli/contracts';
import { rosterLedger } from '../../places/index.js';
import type { LedgerRegister, RegisterAccess } from '../register.js';

const gender = (g: string | null) => (g === 'male' ? '男' : g === 'female' ? '女' : '');
const tags = (list: readonly string[]) => list.map((t) => tagLabels['zh-CN'][t] ?? t).join('、');
const reachOf = (a: RegisterAccess) => (a.reach === 'none' ? undefined : a.reach);

/**
 * 居民花名册: residents by compound, building, unit and room (places/index.ts rosterLedger). Phone and ID numbers are
 * masked unless the exporter may see them in full (residents.viewPii), in which case the export is logged as a view
 * of every resident's personal data (pii_access_log) when it is queued.
 */
export const residentsRegister: LedgerRegister = {
  key: 'residents',
  title: '居民花名册',
  permission: 'residents.read',
  byPeriod: false,
  columns: [
    { key: 'compound', header: '小区', width: 12 },
    { key: 'building', header: '楼栋', width: 8, type: 'short' },
    { key: 'unit', header: '单元', width: 7, type: 'short' },
    { key: 'room', header: '房号', width: 7, type: 'short' },
    { key: 'name', header: '姓名', width: 9, type: 'short' },
    { key: 'gender', header: '性别', width: 5, type: 'short' },
    { key: 'birthDate', header: '出生日期', width: 11, type: 'date' },
    { key: 'relation', header: '与户主关系', width: 8, type: 'short' },
    { key: 'idCard', header: '身份证号', width: 20, type: 'short' },
    { key: 'phone', header: '联系电话', width: 13, type: 'short' },
    { key: 'hukou', header: '户籍', width: 7, type: 'short' },
    { key: 'tags', header: '人员类别', width: 16 },
    { key: 'notes', header: '备注', width: 20 },
  ],
  piiFields: (a) => (a.pii ? ['phone', 'idCard', 'sensitiveTags'] : []),
  async count(ctx, q) {
    const reach = reachOf(q.access);
    return reach === undefined ? 0 : rosterLedger.countRoster(ctx.db, q.communityId, reach);
  },
  async *rows(ctx, q) {
    const reach = reachOf(q.access);
    if (reach === undefined) return;
    for await (const batch of rosterLedger.rosterBatches(ctx.db, q.communityId, reach)) {
      const secrets = q.access.pii
        ? new Map(
            (
              await rosterLedger.secretsOf(
                ctx.db,
                q.communityId,
                batch.map((r) => r.id),
              )
            ).map((s) => [s.id, s]),
          )
        : null;
      yield batch.map((r) => {
        const s = secrets?.get(r.id);
        const open = (v: string | null | undefined) => (v ? ctx.pii.decrypt(v) : '');
        const sensitive: string[] = s?.sensitive_enc ? (JSON.parse(open(s.sensitive_enc)) as string[]) : [];
        return {
          compound: r.compound_name ?? '',
          building: r.building_name ?? '',
          unit: r.unit_name ?? '',
          room: r.room_no ?? '',
          name: r.name,
          gender: gender(r.gender),
          birthDate: r.birth_date ?? '',
          relation: r.relation ?? '',
          idCard: s ? open(s.id_card_enc) : (r.id_card_masked ?? ''),
          phone: s ? open(s.phone_enc) : (r.phone_masked ?? ''),
          hukou: r.hukou_local ? '本地' : '外地',
          tags: tags([...r.tags, ...sensitive]),
          notes: r.notes ?? '',
        };
      });
    }
  },
};
