import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { ConsoleProviders } from './providers.js';
import { consoleRouter } from './routes/console/router.js';
import './console-messages.js';
import '../features/people/messages.js';
import '../features/escalations/messages.js';
import '../features/wishes/nav-messages.js';
import '../features/meetings/nav-messages.js';
import '../features/votes/nav-messages.js';
import '../features/activities/nav-messages.js';
import '../features/venues/nav-messages.js';
import '../features/projects/nav-messages.js';
import '../features/help/messages.js';
import '../features/care/messages.js';
import '../features/volunteers/messages.js';
import '../features/points/messages.js';
import '../features/party/nav-messages.js';
import '../features/duty/nav-messages.js';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConsoleProviders>
      <RouterProvider router={consoleRouter} />
    </ConsoleProviders>
  </StrictMode>,
);
