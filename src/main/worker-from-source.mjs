// Starts one of plek-sync's worker threads from the TypeScript sources (tests, the bench, PLEK_SYNC_FROM_SOURCE=1):
// registers tsx, a devDependency, in this thread and loads the worker's .ts file, which worker-entry.ts passes as
// the last argument. The built CLI starts dist/cli/<name>.js instead and never loads this file.
const { register } = await import('tsx/esm/api');
register();
await import(process.argv.at(-1));
