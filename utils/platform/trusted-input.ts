/**
 * Wraps a listener so it runs only for input the browser itself produced (a person's key
 * press, click or pointer move). The Monetate page shares the DOM with the overlay's content
 * script and can dispatch any event it likes (`dispatchEvent`, `element.click()`); those arrive
 * with `isTrusted === false`, which the page cannot change (it is unforgeable, and the content
 * script reads it in its own world).
 * @example ctx.addEventListener(window, 'keydown', onlyTrusted((event) => toggle(event)))
 */
export function onlyTrusted<E extends Pick<Event, 'isTrusted'>>(listener: (event: E) => void): (event: E) => void {
  return (event) => {
    if (event.isTrusted) listener(event);
  };
}
