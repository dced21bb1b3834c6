import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { call } from './api';
import { App } from './App';
import { DataProvider } from './data';
import { initI18n, pickLanguage } from './i18n';
import './styles.css';

async function boot(): Promise<void> {
  const settings = await call('settings:get').catch(() => undefined);
  await initI18n(pickLanguage(settings?.language, navigator.languages));
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <DataProvider>
        <App />
      </DataProvider>
    </StrictMode>,
  );
}

void boot();
