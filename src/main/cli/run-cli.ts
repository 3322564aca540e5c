import { main } from './index';

// Entry point of the `plek-sync` bin: exit with the code main() decided, after output has flushed.
const code = await main(process.argv.slice(2));
process.exitCode = code;
