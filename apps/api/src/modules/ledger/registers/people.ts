import { partyMemberStatusLabels, teamKindLabels, type PartyMemberStatus, type TeamKind } from '@linli/contracts';
import { peopleLedger } from '../../people/index.js';
import type { LedgerRegister } from '../register.js';

const gender = (g: string | null) => (g === 'male' ? '男' : g === 'female' ? '女' : '');
const address = (r: { compound_name: string | null; building_name: string | null; unit_name: string | null; room_no: string | null }) =>
  [r.compound_name, r.building_name, r.unit_name, r.room_no].filter(Boolean).join(' ');

/** 党员台账: party members within the reader's reach over residents (people/index.ts peopleLedger). */
export const partyMembersRegister: LedgerRegister = {
  key: 'party_members',
  title: '党员台账',
  permission: 'people.read',
  byPeriod: false,
  columns: [
    { key: 'name', header: '姓名', width: 9, type: 'short' },
    { key: 'gender', header: '性别', width: 5, type: 'short' },
    { key: 'phone', header: '联系电话', width: 13, type: 'short' },
    { key: 'status', header: '党员类别', width: 14, type: 'short' },
    { key: 'workUnit', header: '工作单位', width: 20 },
    { key: 'grid', header: '所在网格', width: 10 },
    { key: 'address', header: '居住地址', width: 24 },
    { key: 'joinedOn', header: '入党日期', width: 11, type: 'date' },
    { key: 'state', header: '状态', width: 7, type: 'short' },
  ],
  count: (ctx, q) => peopleLedger.countPartyMembers(ctx.db, q.communityId, q.access.reach),
  async *rows(ctx, q) {
    for await (const batch of peopleLedger.partyMemberBatches(ctx.db, q.communityId, q.access.reach)) {
      yield batch.map((r) => ({
        name: r.name,
        gender: gender(r.gender),
        phone: r.phone_masked ?? '',
        status: partyMemberStatusLabels['zh-CN'][r.status as PartyMemberStatus] ?? r.status,
        workUnit: r.work_unit ?? '',
        grid: r.grid_name ?? '',
        address: address(r),
        joinedOn: r.joined_on ?? '',
        state: r.archived_at ? '已归档' : '在册',
      }));
    }
  },
};

/** 队伍台账: teams with their kind, leaders and active members (people/index.ts peopleLedger). */
export const teamsRegister: LedgerRegister = {
  key: 'teams',
  title: '队伍台账',
  permission: 'people.read',
  byPeriod: false,
  columns: [
    { key: 'name', header: '队伍名称', width: 22 },
    { key: 'kind', header: '队伍类型', width: 12, type: 'short' },
    { key: 'leaders', header: '负责人', width: 14 },
    { key: 'members', header: '在队人数', width: 9, type: 'number' },
    { key: 'description', header: '队伍简介', width: 44 },
  ],
  count: (ctx, q) => peopleLedger.countTeams(ctx.db, q.communityId),
  async *rows(ctx, q) {
    for await (const batch of peopleLedger.teamBatches(ctx.db, q.communityId)) {
      yield batch.map((r) => ({
        name: r.name,
        kind: teamKindLabels['zh-CN'][r.kind as TeamKind] ?? r.kind,
        leaders: r.leaders.join('、'),
        members: Number(r.member_count ?? 0),
        description: r.description ?? '',
      }));
    }
  },
};
