// `npm run bench`: runs every benchmark module in turn and prints its figures. Benchmarks print numbers; they
// never pass or fail. `npm run bench -- engine csv` runs only the named ones.
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Report } from './support';

type Bench = { name: string; load: () => Promise<(report: Report) => Promise<void>> };

const BENCHES: Bench[] = [
  { name: 'engine', load: async () => (await import('./engine.bench')).benchEngine },
  { name: 'csv', load: async () => (await import('./csv.bench')).benchCsv },
  { name: 'ldap', load: async () => (await import('./ldap.bench')).benchLdap },
  { name: 'scim', load: async () => (await import('./scim.bench')).benchScim },
  { name: 'import', load: async () => (await import('./import.bench')).benchImport },
  { name: 'preview', load: async () => (await import('./preview.bench')).benchPreview },
  { name: 'api', load: async () => (await import('./api.bench')).benchApi },
  { name: 'regex', load: async () => (await import('./regex.bench')).benchRegex },
];

const only = process.argv.slice(2);
const results: { bench: string; name: string; figures: Record<string, string | number> }[] = [];

for (const bench of BENCHES) {
  if (only.length > 0 && !only.includes(bench.name)) continue;
  console.log(`\n== ${bench.name}`);
  const report: Report = (name, figures) => {
    results.push({ bench: bench.name, name, figures });
    console.log(
      `  ${name}: ${Object.entries(figures)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
    );
  };
  try {
    const run = await bench.load();
    await run(report);
  } catch (error) {
    console.log(`  (${bench.name} did not run: ${error instanceof Error ? error.message : String(error)})`);
  }
}

mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL('./results/latest.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
