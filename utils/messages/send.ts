import { browser } from 'wxt/browser';
import { AppError, isErrorInfo } from '../errors';
import type { Reply, RequestPayload, RequestType, Response } from './protocol';

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
    // The service worker was restarting or the extension was reloaded: say so plainly.
    throw new AppError('network', `the extension's background did not answer (${error instanceof Error ? error.message : String(error)})`);
  }
  const typed = reply as Reply<Response<T>> | undefined;
  if (typed && typed.ok === true) return typed.data;
  if (typed && typed.ok === false && isErrorInfo(typed.error)) {
    throw new AppError(typed.error.code, typed.error.detail, { fields: typed.error.fields, status: typed.error.status });
  }
  throw new AppError('bad_message', 'the background sent no answer');
}
