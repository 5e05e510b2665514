import type { OpeningPeriodInput } from '@linli/contracts';
import { weekdayLabels } from '@linli/contracts/venue-labels';

// Pure, without antd: the console's venue table and the phone page both print the hours this way.
/** The opening hours in words: 周一至周六 08:30–21:00, 每天 09:00–21:00, runs of equal periods grouped. */
export function hoursText(hours: readonly OpeningPeriodInput[], locale: 'zh-CN' | 'en'): string {
  const byTime = new Map<string, number[]>();
  for (const h of hours) byTime.set(`${h.opens}–${h.closes}`, [...(byTime.get(`${h.opens}–${h.closes}`) ?? []), h.weekday]);
  const W = weekdayLabels[locale];
  const daysText = (days: number[]) => {
    const sorted = [...new Set(days)].sort((a, b) => a - b);
    if (sorted.length === 7) return locale === 'en' ? 'Daily' : '每天';
    const runs: number[][] = [];
    for (const d of sorted) {
      const last = runs[runs.length - 1];
      if (last && last[last.length - 1] === d - 1) last.push(d);
      else runs.push([d]);
    }
    const sep = locale === 'en' ? ', ' : '、';
    return runs.map((r) => (r.length >= 3 ? `${W[r[0]!]}${locale === 'en' ? '–' : '至'}${W[r[r.length - 1]!]}` : r.map((d) => W[d]).join(sep))).join(sep);
  };
  return [...byTime.entries()].map(([time, days]) => `${daysText(days)} ${time}`).join(locale === 'en' ? '; ' : '；');
}
