import type { Locale } from '@linli/contracts/i18n';
import { formatTime as format } from '../lib/time.js';

/** @deprecated Use formatTime of lib/time.ts: one format everywhere; locale and style no longer change it. */
export type TimeStyle = 'full' | 'short' | 'compact';
/** @deprecated Use formatTime of lib/time.ts. */
export const formatTime = (_locale: Locale, iso: string, _style: TimeStyle = 'full'): string => format(iso);
