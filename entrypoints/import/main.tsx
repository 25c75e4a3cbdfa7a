import { createRoot } from 'react-dom/client';
import { createImportPageStore } from '@/utils/import/page-store';
import { connectImportWorker } from '@/utils/import/worker-protocol';
import { sendRequest } from '@/utils/messages/send';
import { ImportStoreProvider } from '@/components/import/store';
import { ImportPage } from '@/components/import/import-page';
import '@/components/theme.css';
import '@/components/ui/ui.css';
import '@/entrypoints/import/import.css';

const worker = connectImportWorker(new Worker(new URL('./check-worker.ts', import.meta.url), { type: 'module' }));
const store = createImportPageStore({ send: sendRequest, worker, callerId: `import-${crypto.randomUUID()}` });
void store.getState().init();
// Closing the tab pauses the import; the background also pauses a job whose page went away.
window.addEventListener('pagehide', () => void store.getState().pause());
createRoot(document.getElementById('root')!).render(
  <ImportStoreProvider store={store}>
    <ImportPage />
  </ImportStoreProvider>,
);
