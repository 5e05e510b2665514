import { registerMessages, type I18n, type Keys } from '../../lib/i18n.js';

const _texts = registerMessages(
  {
    'sla.hours': '{n} 小时',
    'sla.days': '{n} 天',
    'sla.workingDays': '{n} 个工作日',
    'sla.workingHours': '{n} 个工作小时',
    'sla.hoursField': '{name}（小时）',
    'sla.workingHoursHelp': '整天数按工作日计（如 168 小时即 7 个工作日），其余按工作日 9:00–17:30 的小时计',
  },
  {
    'sla.hours': '{n} h',
    'sla.days': '{n} days',
    'sla.workingDays': '{n} working days',
    'sla.workingHours': '{n} working hours',
    'sla.hoursField': '{name} (hours)',
    'sla.workingHoursHelp': 'Whole days count as working days (168 hours is 7 working days); other hours count 9:00–17:30 of working days',
  },
);
declare module '../../lib/i18n.js' {
  interface MessageCatalog extends Keys<typeof _texts> {}
}

/** A category's deadline as the SLA clock counts it (api tickets/intake/sla.ts): with working time only, whole days are 工作日 (ADR 0035). */
export function slaText(t: I18n['t'], hours: number, workingOnly = false): string {
  if (workingOnly) return hours % 24 === 0 ? t('sla.workingDays', { n: hours / 24 }) : t('sla.workingHours', { n: hours });
  return hours % 24 === 0 && hours >= 48 ? t('sla.days', { n: hours / 24 }) : t('sla.hours', { n: hours });
}
