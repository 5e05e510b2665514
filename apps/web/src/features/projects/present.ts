import type { ProjectStatus } from '@linli/contracts/project-labels';

export const projectStatusColor: Record<ProjectStatus, string> = {
  proposed: 'default',
  approved: 'blue',
  claimed: 'cyan',
  in_progress: 'processing',
  completed: 'green',
  evaluated: 'success',
  rejected: 'default',
};
export const yuan = (n: number) => n.toLocaleString('zh-CN', { maximumFractionDigits: 2 });
