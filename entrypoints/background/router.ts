import { browser, type Browser } from 'wxt/browser';
import { AppError, toErrorInfo } from '@/utils/errors';
import type { Reply } from '@/utils/messages/protocol';
import { parseRequest } from '@/utils/messages/request-schemas';
import { handlers } from '@/entrypoints/background/handlers';
import type { Handler } from '@/entrypoints/background/handlers/types';
import { LOCAL_BUILD, type Services } from '@/entrypoints/background/services';
import { classifySender, extensionOrigin, mayRequest } from '@/entrypoints/background/sender';

/**
 * The one door into the background: who is asking, is the message well-formed, is this
 * sender allowed this request; then one small handler answers. Errors travel as plain data.
 */
export function createRouter(getServices: () => Services) {
  const ownOrigin = extensionOrigin();

  return async function route(message: unknown, sender: Browser.runtime.MessageSender): Promise<Reply<unknown>> {
    const senderKind = classifySender(sender, browser.runtime.id, ownOrigin, LOCAL_BUILD);
    const parsed = parseRequest(message);
    if (!parsed.ok) return { ok: false, error: new AppError('bad_message', parsed.detail).toInfo() };
    if (!mayRequest(senderKind, parsed.type)) return { ok: false, error: new AppError('forbidden_sender').toInfo() };
    try {
      const handler = handlers[parsed.type] as Handler<typeof parsed.type>;
      const data = await handler(parsed.payload as never, { services: getServices(), sender, senderKind });
      // Whatever a person does through any surface keeps the key unlocked; only the overlay's
      // status check is not a person's action. Auto-lock counts idle time from here.
      if (parsed.type !== 'overlay.status') await getServices().touchActivity().catch(() => undefined);
      return { ok: true, data };
    } catch (error) {
      return { ok: false, error: toErrorInfo(error) };
    }
  };
}
