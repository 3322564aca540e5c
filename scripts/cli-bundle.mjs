// How the CLI and its worker threads are bundled (esbuild build options): by scripts/build-cli.mjs for dist/cli,
// and by the engine bench for the child it measures, so that the bench runs code built as the CLI is.

/**
 * esbuild options for `entryPoints` (name → source) bundled into `outdir` under the project at `root`: ES modules
 * for Node 20, shared code split into chunks/, packages left in node_modules (so `outdir` must lie inside the
 * project for them to resolve).
 */
export function cliBundleOptions(root, entryPoints, outdir) {
  return {
    absWorkingDir: root,
    entryPoints,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outdir,
    chunkNames: 'chunks/[name]-[hash]',
    packages: 'external',
    logLevel: 'warning',
    legalComments: 'none',
  };
}
