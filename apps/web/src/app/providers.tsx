import type { ReactNode } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { I18nProvider, useT } from '../lib/i18n.js';

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } });

function Themed({ children }: { children: ReactNode }) {
  const { locale } = useT();
  dayjs.locale(locale === 'en' ? 'en' : 'zh-cn');
  return (
    <ConfigProvider locale={locale === 'en' ? enUS : zhCN} theme={{ token: { colorPrimary: '#c0392b', borderRadius: 6 } }}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

/** What every console page runs inside: the query cache, the language, and Ant Design's theme and locale. */
export function ConsoleProviders({ children }: { children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <Themed>{children}</Themed>
      </I18nProvider>
    </QueryClientProvider>
  );
}
