import { createRoot } from 'react-dom/client';
import { createAppStore } from '@/utils/stores/app-store';
import { AppStoreProvider } from '@/components/app/store-context';
import { SidePanel } from '@/components/surfaces/side-panel';
import '@/components/theme.css';
import '@/entrypoints/sidepanel/sidepanel.css';

const store = createAppStore({ surface: 'page' });
void store.getState().refresh();
createRoot(document.getElementById('root')!).render(
  <AppStoreProvider store={store}>
    <SidePanel />
  </AppStoreProvider>,
);
