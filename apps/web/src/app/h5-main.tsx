import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from '../lib/i18n.js';
import './h5.css';
import './h5-helper.css';
import { H5Router } from './routes/h5/router.js';

// The phone shell stays free of Ant Design and charts: residents open it on weak networks inside WeChat.
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <H5Router />
    </I18nProvider>
  </StrictMode>,
);
