import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { formatFieldIssue, errorMessages, type Locale } from '@linli/contracts/i18n';

/**
 * Every message key of the web. Each catalog adds its keys to this interface (module augmentation beside its
 * registerMessages call), so `t('no.such.key')` does not compile and a key missing from en fails the type check.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by augmentation
export interface MessageCatalog {}
export type MessageKey = keyof MessageCatalog & string;
type Params = Record<string, string | number>;

const catalogs: Record<Locale, Record<string, string>> = { 'zh-CN': {}, en: {} };

/**
 * Adds a feature's texts, zh-CN first; en must have exactly the same keys. Answers the zh-CN catalog so the
 * caller can declare its keys: `declare module '…/lib/i18n.js' { interface MessageCatalog extends Keys<typeof m> {} }`.
 */
export function registerMessages<K extends string>(zh: Record<K, string>, en: NoInfer<Record<K, string>>): Record<K, string> {
  Object.assign(catalogs['zh-CN'], zh);
  Object.assign(catalogs.en, en);
  return zh;
}
/** The keys of a registered catalog, for augmenting MessageCatalog. */
export type Keys<M> = Record<keyof M & string, string>;

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

export function translate(locale: Locale, key: MessageKey, params?: Params): string {
  const text = catalogs[locale][key] ?? catalogs['zh-CN'][key] ?? key;
  return params ? text.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? '')) : text;
}

export interface I18n {
  locale: Locale;
  setLocale(l: Locale): void;
  t(key: MessageKey, params?: Params): string;
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

/** A key built from data the type checker cannot see (an event's action sent by the API); unknown keys show as themselves. */
export const keyFromData = (key: string) => key as MessageKey;
