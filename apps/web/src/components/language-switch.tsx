import { Select } from 'antd';
import { useT } from '../lib/i18n.js';

export function LanguageSwitch() {
  const { locale, setLocale } = useT();
  return (
    <Select
      size="small"
      value={locale}
      data-testid="lang-switch"
      onChange={setLocale}
      options={[
        { value: 'zh-CN', label: '中文' },
        { value: 'en', label: 'English' },
      ]}
      style={{ width: 100 }}
    />
  );
}
