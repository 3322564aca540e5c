// Starts the CSV reader's worker from the TypeScript sources (tests, the bench, PLEK_SYNC_FROM_SOURCE=1): registers
// tsx, a devDependency, in this thread and loads csv-worker.ts. The built CLI starts dist/cli/csv-worker.js instead
// and never loads this file.
const { register } = await import('tsx/esm/api');
register();
await import(new URL('./csv-worker.ts', import.meta.url).href);
