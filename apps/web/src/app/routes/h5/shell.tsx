// The phone pages' frame: the header with the language switch, the helper's login card and the "me" card.
import { useState } from 'react';
import type { Me } from '@linli/contracts';
import { roleLabels } from '@linli/contracts/roles';
import { ApiError } from '../../../lib/api.js';
import { login, logout } from '../../../features/auth/api.js';
import { registerMessages, useT, type Keys } from '../../../lib/i18n.js';

const _texts = registerMessages(
  {
    'h5.title': '邻里',
    'h5.subtitle': '有事找社区，身边有邻里',
    'h5.helperLogin': '网格员、楼栋长、志愿者登录',
    'h5.login': '用户名或手机号',
    'h5.password': '密码',
    'h5.submit': '登录',
    'h5.logout': '退出登录',
    'h5.me': '我的',
    'h5.role': '身份',
    'h5.community': '社区',
    'h5.hello': '您好，{name}',
    'h5.lang': 'English',
    'h5.enter': '请输入{field}',
  },
  {
    'h5.title': 'Linli',
    'h5.subtitle': 'Your community, close at hand',
    'h5.helperLogin': 'Log in as a helper',
    'h5.login': 'Username or phone',
    'h5.password': 'Password',
    'h5.submit': 'Log in',
    'h5.logout': 'Log out',
    'h5.me': 'Me',
    'h5.role': 'Role',
    'h5.community': 'Community',
    'h5.hello': 'Hello, {name}',
    'h5.lang': '中文',
    'h5.enter': '{field} is required',
  },
);
declare module '../../../lib/i18n.js' {
  interface MessageCatalog extends Keys<typeof _texts> {}
}

export function Shell({ compact, children }: { compact?: boolean; children: React.ReactNode }) {
  const { t, locale, setLocale } = useT();
  return (
    <main className={compact ? 'page compact' : 'page'}>
      <header className="hero">
        <button className="lang" onClick={() => setLocale(locale === 'en' ? 'zh-CN' : 'en')}>
          {t('h5.lang')}
        </button>
        <h1>{t('h5.title')}</h1>
        {!compact && <p>{t('h5.subtitle')}</p>}
      </header>
      <div className="stack">{children}</div>
    </main>
  );
}

export function LoginCard({ onLogin }: { onLogin(me: Me): void }) {
  const { t } = useT();
  const [error, setError] = useState('');
  const submit = async (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    // Our own words, not the browser's (English) bubbles: 请输入… for an empty field.
    const empty = !form.get('login') ? 'h5.login' : !form.get('password') ? 'h5.password' : null;
    if (empty) return setError(t('h5.enter', { field: t(empty) }));
    setError('');
    try {
      onLogin(await login({ login: String(form.get('login') ?? ''), password: String(form.get('password') ?? '') }));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };
  return (
    <form className="card" onSubmit={submit} noValidate data-testid="h5-login">
      <h2>{t('h5.helperLogin')}</h2>
      <label>
        {t('h5.login')}
        <input name="login" autoComplete="username" />
      </label>
      <label>
        {t('h5.password')}
        <input name="password" type="password" autoComplete="current-password" />
      </label>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit">{t('h5.submit')}</button>
    </form>
  );
}

export function MeCard({ me, onLogout }: { me: Me; onLogout(): void }) {
  const { t, locale } = useT();
  return (
    <section className="card" data-testid="h5-me">
      <h2>{t('h5.hello', { name: me.displayName })}</h2>
      <dl>
        <dt>{t('h5.role')}</dt>
        <dd>{roleLabels[locale][me.role]}</dd>
        <dt>{t('h5.community')}</dt>
        <dd>{me.communityName ?? me.subdistrictName ?? '—'}</dd>
      </dl>
      <button className="secondary" onClick={() => void logout().then(onLogout)}>
        {t('h5.logout')}
      </button>
    </section>
  );
}
