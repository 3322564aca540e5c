import { main } from './index';

// `plek-sync plan | head` closes stdout early: that is the reader's choice, not a crash.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

// Entry point of the `plek-sync` bin: exit with the code main() decided, after output has flushed.
const code = await main(process.argv.slice(2));
process.exitCode = code;
