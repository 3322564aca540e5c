// Starts the sandbox's worker from the TypeScript sources (PLEK_SYNC_FROM_SOURCE=1, tests): registers tsx, a
// devDependency, in this thread and loads worker.ts. The built CLI starts dist/cli/sandbox-worker.js instead and
// never loads this file.
const { register } = await import('tsx/esm/api');
register();
await import(new URL('./worker.ts', import.meta.url).href);
