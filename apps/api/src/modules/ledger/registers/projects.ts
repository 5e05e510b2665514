import { projectStatusLabels, type ProjectStatus } from '@linli/contracts';
import { projectLedger } from '../../projects/index.js';
import type { LedgerRegister } from '../register.js';

type Row = projectLedger.ProjectLedgerRow;
const yuan = (n: number) => `${n.toLocaleString('en-US', { maximumFractionDigits: 2 })} 元`;

const fundingOf = (r: Row) => {
  const lines = r.funding.map((f) => `${f.source} ${yuan(f.amountYuan)}`);
  if (r.funding.length > 1) lines.push(`合计 ${yuan(r.funding.reduce((s, f) => s + f.amountYuan, 0))}`);
  return lines.join('\n');
};
const progressOf = (r: Row) => {
  const head = `${projectStatusLabels['zh-CN'][r.status as ProjectStatus] ?? ''}，完成 ${r.percent}%${r.completedAt ? `（${r.completedAt.slice(0, 10)} 完成）` : ''}`;
  const steps = r.milestones.map((m, i) => `${i + 1}. ${m.title}（${m.done ? '已完成' : m.dueOn ? `计划 ${m.dueOn}` : '未完成'}）`);
  return [head, ...steps].join('\n');
};
const ratingOf = (r: Row) => {
  if (r.rating.count > 0) return `平均 ${r.rating.average} 分（${r.rating.count} 人评价）`;
  return r.status === 'completed' ? '待居民评价' : '';
};

/** 为民办实事台账: the columns inspections use — 项目名称, 内容, 经费来源, 计划启动/完成时限, 主办/协办单位, 进度, 评价. */
export const projectsRegister: LedgerRegister = {
  key: 'projects',
  title: '为民办实事台账',
  permission: 'projects.read',
  byPeriod: false,
  columns: [
    { key: 'title', header: '项目名称', width: 16 },
    { key: 'content', header: '项目内容', width: 30 },
    { key: 'funding', header: '经费来源', width: 20 },
    { key: 'plannedStart', header: '计划启动时限', width: 11, type: 'date' },
    { key: 'plannedEnd', header: '计划完成时限', width: 11, type: 'date' },
    { key: 'lead', header: '主办单位', width: 16 },
    { key: 'co', header: '协办单位', width: 16 },
    { key: 'progress', header: '进度', width: 26 },
    { key: 'rating', header: '评价', width: 14 },
  ],
  count: (ctx, q) => projectLedger.countProjects(ctx.db, q.communityId),
  async *rows(ctx, q) {
    for await (const batch of projectLedger.ledgerRows(ctx.db, q.communityId)) {
      yield batch.map((r) => ({
        title: r.title,
        content: r.content,
        funding: fundingOf(r),
        plannedStart: r.plannedStart,
        plannedEnd: r.plannedEnd,
        lead: [r.leadUnits.join('、'), r.claimEvent ? `（${r.claimEvent}认领）` : ''].filter(Boolean).join('\n'),
        co: r.coUnits.join('、'),
        progress: progressOf(r),
        rating: ratingOf(r),
      }));
    }
  },
};
