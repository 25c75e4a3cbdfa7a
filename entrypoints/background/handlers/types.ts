import type { z } from 'zod';
import type { Browser } from 'wxt/browser';
import type { RequestType, Response } from '@/utils/messages/protocol';
import type { requestSchemas } from '@/utils/messages/request-schemas';
import type { Services } from '@/entrypoints/background/services';
import type { SenderKind } from '@/entrypoints/background/sender';

export interface HandlerContext {
  services: Services;
  sender: Browser.runtime.MessageSender;
  senderKind: SenderKind;
}

export type Handler<T extends RequestType> = (payload: z.output<(typeof requestSchemas)[T]>, context: HandlerContext) => Promise<Response<T>>;

export type HandlerMap = { [T in RequestType]: Handler<T> };
