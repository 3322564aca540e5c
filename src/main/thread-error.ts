// An error crossing between threads: structured cloning keeps an Error's message but not Node's system fields, and
// the CLI words a file or network failure by its code (system-errors.ts). Shared by the sandbox's thread and the
// report's writing thread; the CSV reader's thread also carries SourceErrors (csv-wire.ts).

/** An error as it crosses a thread: its name, message and Node's system fields. */
export interface WireSystemError {
  name: string;
  message: string;
  stack?: string;
  code?: string;
  errno?: number;
  syscall?: string;
  path?: string;
}

/** What of `e` crosses the thread. */
export function toWireSystemError(e: unknown): WireSystemError {
  if (!(e instanceof Error)) return { name: 'Error', message: String(e) };
  const sys = e as NodeJS.ErrnoException;
  return {
    name: e.name,
    message: e.message,
    ...(e.stack ? { stack: e.stack } : {}),
    ...(sys.code !== undefined ? { code: sys.code } : {}),
    ...(sys.errno !== undefined ? { errno: sys.errno } : {}),
    ...(sys.syscall !== undefined ? { syscall: sys.syscall } : {}),
    ...(sys.path !== undefined ? { path: sys.path } : {}),
  };
}

/** The other thread's error as this thread's: same name, message and system fields. */
export function fromWireSystemError(wire: WireSystemError): NodeJS.ErrnoException {
  const e = new Error(wire.message) as NodeJS.ErrnoException;
  e.name = wire.name;
  if (wire.stack) e.stack = wire.stack;
  if (wire.code !== undefined) e.code = wire.code;
  if (wire.errno !== undefined) e.errno = wire.errno;
  if (wire.syscall !== undefined) e.syscall = wire.syscall;
  if (wire.path !== undefined) e.path = wire.path;
  return e;
}
