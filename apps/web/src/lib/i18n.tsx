import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { formatFieldIssue, errorMessages, type Locale } from '@linli/contracts/i18n';

/** UI text by feature; zh-CN first, en second. Keys missing in en fall back to zh-CN. */
export type Messages = Record<string, string>;
const catalogs: Record<Locale, Messages> = { 'zh-CN': {}, en: {} };

export function registerMessages(zh: Messages, en: Messages): void {
  Object.assign(catalogs['zh-CN'], zh);
  Object.assign(catalogs.en, en);
}

const STORAGE_KEY = 'linli.locale';
export function storedLocale(): Locale {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}
let currentLocale: Locale = typeof window === 'undefined' ? 'zh-CN' : storedLocale();
export const getLocale = () => currentLocale;

export function translate(locale: Locale, key: string, params?: Record<string, string | number>): string {
  const text = catalogs[locale][key] ?? catalogs['zh-CN'][key] ?? key;
  return params ? text.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? '')) : text;
}

interface I18n {
  locale: Locale;
  setLocale(l: Locale): void;
  t(key: string, params?: Record<string, string | number>): string;
}
const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(currentLocale);
  const value = useMemo<I18n>(
    () => ({
      locale,
      setLocale(l) {
        currentLocale = l;
        try {
          localStorage.setItem(STORAGE_KEY, l);
        } catch {
          /* private mode: the choice lasts for this page */
        }
        document.documentElement.lang = l;
        setLocaleState(l);
      },
      t: (key, params) => translate(locale, key, params),
    }),
    [locale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useT(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useT outside I18nProvider');
  return ctx;
}

export { formatFieldIssue, errorMessages };
