/**
 * Moves focus to the record ID once the look-up form is there (after status and datasets
 * load); until then, and when the key is locked, to the panel's first button. Stops as soon
 * as the person moves focus themselves.
 */
export function focusRecordId(container: HTMLElement): void {
  container.querySelector<HTMLElement>('button')?.focus();
  let parked = document.activeElement;
  let tries = 0;
  const attempt = () => {
    if (document.activeElement !== parked) return; // the user moved on
    const input = container.querySelector<HTMLElement>('input:not([disabled])');
    if (input) return input.focus();
    if (parked === document.body || !parked) {
      container.querySelector<HTMLElement>('button')?.focus();
      parked = document.activeElement;
    }
    if (++tries < 40) setTimeout(attempt, 50);
  };
  attempt();
}
