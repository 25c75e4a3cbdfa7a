/** The slice of the extension API that end-to-end tests call inside extension pages. */
declare const chrome: {
  runtime: {
    sendMessage(message: unknown): Promise<unknown>;
    reload(): void;
    id: string;
  };
  storage: {
    local: { get(keys?: null | string | string[]): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> };
    sync: { get(keys?: null | string | string[]): Promise<Record<string, unknown>> };
    session: { get(keys?: null | string | string[]): Promise<Record<string, unknown>> };
  };
  commands: { getAll(): Promise<Array<{ name?: string; description?: string; shortcut?: string }>> };
  action: { getBadgeText(details: { tabId?: number }): Promise<string>; getTitle(details: { tabId?: number }): Promise<string> };
};
