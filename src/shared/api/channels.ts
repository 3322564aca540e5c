/**
 * The names of every request channel and event of the workbench API, without their schemas. The sandboxed
 * preload imports only this file (no zod in the preload bundle); `contract.ts` attaches the schemas and a
 * compile-time check keeps both lists identical.
 */
export const CHANNELS = [
  'app:info',
  'project:new',
  'project:open',
  'project:save',
  'project:demo',
  'project:recent',
  'dialog:openMapping',
  'dialog:saveMapping',
  'dialog:pickCsv',
  'source:sample',
  'source:upload',
  'source:inspectCertificate',
  'source:testConnection',
  'mapping:validate',
  'mapping:preview',
  'plan:compute',
  'run:apply',
  'run:cancel',
  'run:report',
  'task:cancel',
  'sandbox:start',
  'sandbox:stop',
  'sandbox:status',
  'secrets:set',
  'secrets:has',
  'secrets:delete',
  'secrets:confirm',
  'data:clear',
  'settings:get',
  'settings:set',
] as const;

export type Channel = (typeof CHANNELS)[number];

export const EVENTS = [
  'task:progress',
  'run:progress',
  'run:log',
  'run:finished',
  'sandbox:status',
  'menu:command',
  'project:opened',
] as const;

export type EventName = (typeof EVENTS)[number];

const CHANNEL_SET: ReadonlySet<string> = new Set(CHANNELS);
const EVENT_SET: ReadonlySet<string> = new Set(EVENTS);

/** True for a known channel name; used on every incoming request before anything else is looked at. */
export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && CHANNEL_SET.has(value);
}

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && EVENT_SET.has(value);
}

/** The renderer-facing name of the IPC channel that carries events from main to the renderer. */
export const EVENT_IPC_CHANNEL = 'plek:event';
