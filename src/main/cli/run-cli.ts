import { CLI_VERSION } from './version';

// `plek-sync --version` answers before the commands (and the engine, zod, the catalogue) are loaded.
const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  process.stdout.write(`${CLI_VERSION}\n`);
} else {
  // `plek-sync plan | head` closes stdout early: that is the reader's choice, not a crash.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  // Entry point of the `plek-sync` bin: exit with the code main() decided, after output has flushed.
  const { main } = await import('./index');
  process.exitCode = await main(argv);
}
