/**
 * The scheme and host of a URL. Read from the text because extension schemes
 * (chrome-extension:, moz-extension:) have no URL origin outside the browser itself.
 * @example originOf('chrome-extension://abc/popup.html') // 'chrome-extension://abc'
 */
export function originOf(url: string | undefined): string | null {
  const match = url ? /^([a-z][a-z0-9+.-]*:\/\/[^/?#]+)/i.exec(url) : null;
  return match?.[1] ? match[1].toLowerCase() : null;
}
