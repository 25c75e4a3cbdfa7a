import { createRoot } from 'react-dom/client';
import { createAppStore } from '@/utils/stores/app-store';
import { AppStoreProvider } from '@/components/app/store-context';
import { Popup } from '@/components/surfaces/popup';
import '@/components/theme.css';
import '@/entrypoints/popup/popup.css';

const store = createAppStore({ surface: 'page' });
void store.getState().refresh();
createRoot(document.getElementById('root')!).render(
  <AppStoreProvider store={store}>
    <Popup />
  </AppStoreProvider>,
);
