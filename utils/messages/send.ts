import { browser } from 'wxt/browser';
import { AppError, isErrorInfo } from '@/utils/errors';
import type { Reply, RequestPayload, RequestType, Response } from '@/utils/messages/protocol';

/**
 * Sends one typed request to the background and returns its data, or throws the AppError it
 * answered with.
 * @example const state = await sendRequest('state.get', {});
 */
export async function sendRequest<T extends RequestType>(type: T, payload: RequestPayload<T>): Promise<Response<T>> {
  let reply: unknown;
  try {
    reply = await browser.runtime.sendMessage({ channel: 'mdi', type, payload });
  } catch (error) {
    // The service worker was stopped (or the extension reloaded) before it answered: say so
    // with a code of its own, so a save can report an unknown outcome rather than a failure.
    throw new AppError('background_unavailable', error instanceof Error ? error.message : String(error));
  }
  const typed = reply as Reply<Response<T>> | undefined;
  if (typed && typed.ok === true) return typed.data;
  if (typed && typed.ok === false && isErrorInfo(typed.error)) {
    throw new AppError(typed.error.code, typed.error.detail, { fields: typed.error.fields, status: typed.error.status, params: typed.error.params });
  }
  // No listener answered: the worker went away while handling it, so the outcome is not known.
  if (reply === undefined) throw new AppError('background_unavailable', 'no answer');
  throw new AppError('bad_message', 'the background sent an answer of the wrong shape');
}
