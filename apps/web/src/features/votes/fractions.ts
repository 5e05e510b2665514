import type { FractionInput } from '@linli/contracts';
import type { I18n } from '../../lib/i18n.js';

// The shares staff pick for a vote's own rule (居民会议 and the like); art. 278 fixes the owners' shares itself.
export const fractionPresets = {
  any: { num: 0, den: 1, strict: false },
  half: { num: 1, den: 2, strict: true },
  twoThirds: { num: 2, den: 3, strict: false },
  threeQuarters: { num: 3, den: 4, strict: false },
} as const satisfies Record<string, FractionInput>;
export type FractionPreset = keyof typeof fractionPresets;

/** A share as people say it: 过半数, 三分之二以上 …, or "n/d" when it is none of the presets. */
export function fractionText(t: I18n['t'], f: FractionInput): string {
  for (const [k, p] of Object.entries(fractionPresets))
    if (p.num * f.den === f.num * p.den && (p.num === 0 || p.strict === f.strict)) return t(`vote.frac.${k as FractionPreset}`);
  return `${f.strict ? '>' : '≥'} ${f.num}/${f.den}`;
}
