import type { MessageType, RequestOf, ResponseOf } from '../messaging';

/**
 * The content script's side of the typed protocol (lib/messaging.ts): same envelope and reply shapes,
 * types only — no zod in the page. The background validates every request on arrival.
 */
export type Send = (message: unknown) => Promise<unknown>;

export class BridgeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'BridgeError';
  }
}

/** Sends a typed request to the background and returns its data, or throws BridgeError. */
export async function ask<K extends MessageType>(send: Send, type: K, payload: RequestOf<K>): Promise<ResponseOf<K>> {
  const reply = (await send({ channel: 'tianbao', type, payload })) as
    | { ok: true; data: ResponseOf<K> }
    | { ok: false; error: { code: string; message: string } }
    | undefined;
  if (!reply || typeof reply !== 'object') throw new BridgeError('no-reply', `no reply to ${type}`);
  if (!reply.ok) throw new BridgeError(reply.error.code, reply.error.message);
  return reply.data;
}
