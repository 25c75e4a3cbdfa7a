import { browser } from 'wxt/browser';

/** Opens the import page in its own tab, from the side panel, the popup or the options page. */
export function ImportLink() {
  const open = () => void browser.tabs.create({ url: browser.runtime.getURL('/import.html' as '/popup.html') });
  return (
    <button type="button" onClick={open}>
      Import file…
    </button>
  );
}
