import { createRoot } from 'react-dom/client';
import { createAppStore } from '@/utils/stores/app-store';
import { AppStoreProvider } from '@/components/app/store-context';
import { Options } from '@/components/surfaces/options';
import '@/components/theme.css';
import '@/entrypoints/options/options.css';

const store = createAppStore({ surface: 'page' });
void store.getState().refresh();
createRoot(document.getElementById('root')!).render(
  <AppStoreProvider store={store}>
    <Options />
  </AppStoreProvider>,
);
