import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import type { PreviousState } from '../../shared/engine/types';
import { said } from '../../shared/i18n/message';
import { systemCode, writeReason } from '../system-errors';
import { UserError } from '../user-error';

/** The one error every CLI write failure becomes: the path and the reason, exit code 2, no stack trace. */
export function writeError(path: string, error: unknown): UserError {
  return new UserError(said('cli.error.write', { path, reason: [writeReason(error)] }), 2, {
    technical: systemCode(error) || undefined,
  });
}

/**
 * Writes a whole file for the CLI (`--out`, `--write-state`, reports). `exclusive` refuses an existing file.
 * Every failure is a UserError naming the path and the reason.
 */
export async function writeOutputFile(
  path: string,
  text: string,
  options: { exclusive?: boolean } = {},
): Promise<void> {
  try {
    await writeFile(path, text, { flag: options.exclusive ? 'wx' : 'w' });
  } catch (error) {
    throw writeError(path, error);
  }
}

/** A file written line by line with back-pressure (`map --out`); failures become the same UserError. */
export interface OutputStream {
  write(text: string): Promise<void>;
  close(): Promise<void>;
}

/** Opens `path` for streaming output, or stdout when no path is given. The file is created before any row is read. */
export async function openOutput(path: string | undefined): Promise<OutputStream> {
  if (path === undefined) {
    return {
      write: async (text) => {
        if (!process.stdout.write(text)) await once(process.stdout, 'drain');
      },
      close: async () => {},
    };
  }
  const stream: WriteStream = createWriteStream(path);
  let failed: unknown;
  stream.on('error', (error) => {
    failed ??= error;
  });
  try {
    await once(stream, 'open');
  } catch (error) {
    throw writeError(path, error);
  }
  const check = () => {
    if (failed !== undefined) throw writeError(path, failed);
  };
  return {
    write: async (text) => {
      check();
      if (!stream.write(text)) {
        try {
          await once(stream, 'drain');
        } catch (error) {
          throw writeError(path, error);
        }
      }
    },
    close: async () => {
      check();
      await new Promise<void>((resolve, reject) =>
        stream.end((error?: Error | null) => (error ? reject(writeError(path, error)) : resolve())),
      );
      check();
    },
  };
}

/**
 * The state file, written a thousand users at a time: the same JSON as `JSON.stringify(state)`, without building
 * one string of a million users' identities (hundreds of MB next to the state itself).
 */
export async function writeStateFile(path: string, state: PreviousState): Promise<void> {
  const out = await openOutput(path);
  await out.write(`{"rows":${state.rows},"users":[`);
  const { users } = state;
  for (let i = 0; i < users.length; i += 1000) {
    const part = users.slice(i, i + 1000).map((u) => JSON.stringify(u));
    await out.write(i === 0 ? part.join(',') : `,${part.join(',')}`);
  }
  await out.write(']}\n');
  await out.close();
}
