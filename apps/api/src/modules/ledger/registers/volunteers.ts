import { serviceSourceLabels, starLabels, volunteerGenderLabels, volunteerIdTypeLabels, volunteerOriginLabels, volunteerStatusLabels } from '@linli/contracts';
import type { ServiceSourceKind, VolunteerGender, VolunteerIdType, VolunteerOrigin, VolunteerStatus } from '@linli/contracts';
import { starOf, volunteerLedger, volunteerSettingsOf } from '../../volunteers/index.js';
import { periodOf } from '../dashboard.service.js';
import type { LedgerRegister } from '../register.js';

/**
 * 志愿者台账: every volunteer as of today, with 志愿者编号, who they are, skills, areas, status, hours and star. ID
 * numbers and phones are masked unless the exporter may see personal data in full; then the export is logged.
 */
export const volunteersRegister: LedgerRegister = {
  key: 'volunteers',
  title: '志愿者台账',
  permission: 'volunteers.read',
  byPeriod: false,
  columns: [
    { key: 'number', header: '志愿者编号', width: 8, type: 'short' },
    { key: 'name', header: '姓名', width: 8, type: 'short' },
    { key: 'gender', header: '性别', width: 4, type: 'short' },
    { key: 'idType', header: '证件类型', width: 10 },
    { key: 'idNumber', header: '证件号码', width: 20, type: 'short' },
    { key: 'phone', header: '联系电话', width: 13, type: 'short' },
    { key: 'origin', header: '身份类别', width: 9, type: 'short' },
    { key: 'affiliation', header: '所在单位或学校', width: 16 },
    { key: 'skills', header: '技能特长', width: 16 },
    { key: 'areas', header: '服务区域', width: 14 },
    { key: 'availability', header: '可服务时间', width: 14 },
    { key: 'status', header: '状态', width: 7, type: 'short' },
    { key: 'hours', header: '累计时长（小时）', width: 9, type: 'number' },
    { key: 'star', header: '星级', width: 7, type: 'short' },
    { key: 'registeredAt', header: '登记日期', width: 11, type: 'date' },
  ],
  piiFields: (a) => (a.pii ? ['idNumber', 'phone'] : []),
  count: (ctx, q) => volunteerLedger.countVolunteers(ctx.db, q.communityId),
  async *rows(ctx, q) {
    const settings = await volunteerSettingsOf(ctx.db, q.communityId);
    for await (const batch of volunteerLedger.volunteerBatches(ctx.db, q.communityId)) {
      yield batch.map((v) => ({
        number: String(v.volunteer_no).padStart(5, '0'),
        name: v.name,
        gender: v.gender ? volunteerGenderLabels['zh-CN'][v.gender as VolunteerGender] : '',
        idType: volunteerIdTypeLabels['zh-CN'][v.id_type as VolunteerIdType] ?? v.id_type,
        idNumber: q.access.pii && v.id_number_enc ? ctx.pii.decrypt(v.id_number_enc) : (v.id_number_masked ?? ''),
        phone: q.access.pii && v.phone_enc ? ctx.pii.decrypt(v.phone_enc) : (v.phone_masked ?? ''),
        origin: volunteerOriginLabels['zh-CN'][v.origin as VolunteerOrigin] ?? v.origin,
        affiliation: v.affiliation ?? '',
        skills: v.skills.join('、'),
        areas: v.service_areas.join('、'),
        availability: v.availability ?? '',
        status: volunteerStatusLabels['zh-CN'][v.status as VolunteerStatus],
        hours: v.hours,
        star: starLabels['zh-CN'][starOf(Number(v.minutes), settings.starThresholds)]!,
        registeredAt: v.created_at,
      }));
    }
  },
};

/** 志愿服务时长台账: the hours of the period, one row per entry (corrections as their own rows), recorder = confirmer. */
export const serviceHoursRegister: LedgerRegister = {
  key: 'service_hours',
  title: '志愿服务时长台账',
  permission: 'volunteers.read',
  byPeriod: true,
  columns: [
    { key: 'startedAt', header: '开始时间', width: 14, type: 'datetime' },
    { key: 'endedAt', header: '结束时间', width: 14, type: 'datetime' },
    { key: 'number', header: '志愿者编号', width: 8, type: 'short' },
    { key: 'name', header: '姓名', width: 8, type: 'short' },
    { key: 'source', header: '服务来源', width: 8, type: 'short' },
    { key: 'title', header: '服务内容', width: 26 },
    { key: 'raw', header: '实际分钟', width: 7, type: 'number' },
    { key: 'hours', header: '计入时长（小时）', width: 9, type: 'number' },
    { key: 'recorder', header: '记录并证明人', width: 10, type: 'short' },
    { key: 'note', header: '备注', width: 24 },
  ],
  count: (ctx, q) => volunteerLedger.countHours(ctx.db, q.communityId, periodOf(q.filter.from, q.filter.to)),
  async *rows(ctx, q) {
    for await (const batch of volunteerLedger.hoursBatches(ctx.db, q.communityId, periodOf(q.filter.from, q.filter.to))) {
      yield batch.map((h) => ({
        startedAt: h.started_at,
        endedAt: h.ended_at,
        number: String(h.volunteer_no).padStart(5, '0'),
        name: h.name,
        source: serviceSourceLabels['zh-CN'][h.source_kind as ServiceSourceKind],
        title: h.source_title,
        raw: h.raw_minutes,
        hours: h.hours,
        recorder: h.recorder,
        note: [h.corrects_entry_id ? `更正第 ${h.corrects_entry_id} 条记录` : null, h.note].filter(Boolean).join('：'),
      }));
    }
  },
};
