/**
 * The one typed protocol for every message between contexts (content scripts, extension pages,
 * background). The map is `Protocol` below: each area declares its messages with zod schemas next to
 * its other schemas (lib/library/messages.ts) and the map joins them by type. Requests are validated
 * with those schemas when they arrive in the background (createMessageListener, given the runtime map
 * by lib/background/protocol.ts); events when they arrive in a page (readEvent).
 *
 * This file holds no zod at runtime — only type imports — so a content script that sends requests
 * stays small. Replies come from the extension's own background and are checked for shape only.
 * Transport is passed in (`Send`), so everything here runs in Node tests.
 */
import type { z } from 'zod';
import type { libraryEvents, libraryMessages } from './library/messages';
import type { pageEvents, pageMessages } from './page/messages';

/** Marks our messages among anything else on the runtime channel. */
export const CHANNEL = 'tianbao';

/** Who may send a message: any context of the extension, or only its own pages (not content scripts). */
export type Audience = 'any' | 'extension-page';

/** One message's declaration: request and response schemas and its audience. */
export interface MessageSpec {
  request: z.ZodType;
  response: z.ZodType;
  from: Audience;
}

/**
 * Every request/response message, by type. The in-page issue joins its own map here
 * (`typeof libraryMessages & typeof pageMessages`); a handler map over it is then checked for gaps.
 */
export type Protocol = typeof libraryMessages & typeof pageMessages;
/** Every event the background broadcasts to extension pages, by name. */
export type Events = typeof libraryEvents & typeof pageEvents;

export type MessageType = keyof Protocol & string;
export type EventType = keyof Events & string;
/** What a sender passes (defaults may be left out). */
export type RequestOf<K extends MessageType> = z.input<Protocol[K]['request']>;
/** What a handler receives, after validation and defaults. */
export type ParsedRequestOf<K extends MessageType> = z.output<Protocol[K]['request']>;
/** What a handler returns and a sender receives. */
export type ResponseOf<K extends MessageType> = z.output<Protocol[K]['response']>;
export type EventOf<K extends EventType> = z.output<Events[K]>;

/** The wire form of a failure: a code to branch on and a one-line message for people. */
export interface WireError {
  code: string;
  message: string;
}

/** A failure reported by the other side (or found on arrival). */
export class MessageError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'MessageError';
  }
}

/** Sends a message and resolves to the reply (browser.runtime.sendMessage in the extension). */
export type Send = (message: unknown) => Promise<unknown>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Sends a typed request. Throws MessageError when the other side failed or did not answer. */
export async function request<K extends MessageType>(send: Send, type: K, payload: RequestOf<K>): Promise<ResponseOf<K>> {
  const reply = await send({ channel: CHANNEL, type, payload });
  if (isRecord(reply) && reply.ok === true && 'data' in reply) return reply.data as ResponseOf<K>;
  if (isRecord(reply) && reply.ok === false && isRecord(reply.error)) {
    const { code, message } = reply.error;
    throw new MessageError(String(code), String(message));
  }
  throw new MessageError('no-reply', `后台没有应答「${type}」 / no valid reply to "${type}"`);
}

/** A client bound to one transport: `client.request('library.search', { text: 'spxt' })`. */
export function createClient(send: Send) {
  return {
    request: <K extends MessageType>(type: K, payload: RequestOf<K>) => request(send, type, payload),
  };
}

/** Who sent a message, as the runtime reports it. */
export interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
  /** The frame a content script runs in (0 = top frame). */
  frameId?: number;
}

/** A handler per message type. */
export type Handlers = {
  [K in MessageType]: (payload: ParsedRequestOf<K>, sender: Sender) => Promise<ResponseOf<K>> | ResponseOf<K>;
};

export interface ListenerOptions {
  /** Whether the sender is one of the extension's own pages (side panel, options), not a content script. */
  isExtensionPage: (sender: Sender) => boolean;
  /** Turns a thrown error into its wire form (default: the error's `code` or 'error', and its message). */
  toWireError?: (error: unknown) => WireError;
}

function defaultWireError(error: unknown): WireError {
  const code = isRecord(error) && typeof error.code === 'string' ? error.code : 'error';
  return { code, message: error instanceof Error ? error.message : String(error) };
}

/**
 * A runtime.onMessage listener: validates each request with its schema on arrival, checks its
 * audience, answers through sendResponse (returning true keeps the channel open in Chrome and
 * Firefox alike). Messages that are not ours, or have no handler here, are left to other listeners.
 */
export function createMessageListener(
  protocol: Record<string, MessageSpec>,
  handlers: Partial<Handlers>,
  options: ListenerOptions,
) {
  const toWire = options.toWireError ?? defaultWireError;
  return (message: unknown, sender: Sender, sendResponse: (reply: unknown) => void): boolean => {
    if (!isRecord(message) || message.channel !== CHANNEL || typeof message.type !== 'string') return false;
    const type = message.type;
    const spec = Object.hasOwn(protocol, type) ? protocol[type] : undefined;
    const handler = Object.hasOwn(handlers, type)
      ? (handlers[type as MessageType] as (payload: unknown, sender: Sender) => unknown)
      : undefined;
    if (!spec || !handler) return false;
    const fail = (code: string, text: string) => {
      sendResponse({ ok: false, error: { code, message: text } });
      return false;
    };
    if (spec.from === 'extension-page' && !options.isExtensionPage(sender)) {
      return fail('forbidden', `「${type}」只能由扩展页面发送 / "${type}" is for extension pages only`);
    }
    const payload = spec.request.safeParse(message.payload);
    if (!payload.success) {
      const issue = payload.error.issues[0];
      const path = issue?.path.join('.') || '(root)';
      return fail('invalid-request', `「${type}」的请求格式不符：${path} / malformed "${type}" request at ${path}: ${issue?.message}`);
    }
    Promise.resolve()
      .then(() => handler(payload.data, sender))
      .then(
        (data) => sendResponse({ ok: true, data }),
        (error: unknown) => sendResponse({ ok: false, error: toWire(error) }),
      );
    return true;
  };
}

/** The wire form of an event. */
export function eventMessage<K extends EventType>(event: K, payload: EventOf<K>): unknown {
  return { channel: CHANNEL, event, payload };
}

/**
 * Reads an incoming runtime message as one event, validated with its schema (pass the area's event
 * map, e.g. libraryEvents); undefined when it is another message or does not validate.
 */
export function readEvent<K extends EventType>(
  events: Record<K, z.ZodType>,
  event: K,
  message: unknown,
): EventOf<K> | undefined {
  if (!isRecord(message) || message.channel !== CHANNEL || message.event !== event) return undefined;
  const payload = events[event].safeParse(message.payload);
  return payload.success ? (payload.data as EventOf<K>) : undefined;
}
