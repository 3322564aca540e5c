import { afterEach, beforeEach, vi } from 'vitest';

/** What the CLI wrote to stdout and stderr while a test ran `main` in this process; each test starts empty. */
export interface CliOutput {
  out: string;
  err: string;
}

/** Captures the CLI's stdout and stderr for every test of the calling file (call it at the top level). */
export function captureCliOutput(): CliOutput {
  const io: CliOutput = { out: '', err: '' };
  beforeEach(() => {
    io.out = '';
    io.err = '';
    vi.spyOn(process.stdout, 'write').mockImplementation(
      (s: string | Uint8Array) => ((io.out += String(s)), true),
    );
    vi.spyOn(process.stderr, 'write').mockImplementation(
      (s: string | Uint8Array) => ((io.err += String(s)), true),
    );
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });
  return io;
}
