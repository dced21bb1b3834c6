import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { call, hasBridge } from './api';
import { HowToOpen } from './components/HowToOpen';
import { DataProvider, createQueryClient, queryKey } from './data';
import { initI18n, pickLanguage } from './i18n';
import { createAppRouter } from './routes';
import './styles.css';

async function boot(): Promise<void> {
  const root = createRoot(document.getElementById('root')!);
  if (!hasBridge) {
    await initI18n(pickLanguage(undefined, navigator.languages));
    root.render(<HowToOpen />);
    return;
  }
  const client = createQueryClient();
  const settings = await call('settings:get').catch(() => undefined);
  await initI18n(pickLanguage(settings?.language, navigator.languages));
  const router = createAppRouter();
  root.render(
    <StrictMode>
      <DataProvider client={client}>
        <RouterProvider router={router} />
      </DataProvider>
    </StrictMode>,
  );
  warmUp(client, router);
}

/**
 * Once the first screen is drawn and the page is idle, the two long lists are loaded into the cache,
 * so that Events and People open at once; change notices keep them up to date from then on.
 */
function warmUp(client: ReturnType<typeof createQueryClient>, router: ReturnType<typeof createAppRouter>): void {
  requestIdleCallback(() => {
    for (const channel of ['events:list', 'people:list'] as const) {
      void client.prefetchQuery({ queryKey: queryKey(channel), queryFn: () => call(channel) });
    }
    for (const to of ['/people', '/events'] as const) void router.preloadRoute({ to }).catch(() => undefined);
  });
}

void boot();
