import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { App } from './app/App';
import { OfflineRuntime } from './features/offline/components/OfflineRuntime';
import { createQueryClient } from './app/createQueryClient';
import { registerLiveAppliers } from './app/liveRegistry';
import { registerOfflineApi } from './app/offlineRegistry';
import { I18nProvider } from './i18n/I18nProvider';
import './styles/global.css';

registerOfflineApi();
registerLiveAppliers();
const queryClient = createQueryClient();
const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <QueryClientProvider client={queryClient}>
        <App />
        <OfflineRuntime />
      </QueryClientProvider>
    </I18nProvider>
  </StrictMode>,
);
