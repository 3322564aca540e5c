import type { BuildOptions } from 'esbuild';

/** See cli-bundle.mjs. */
export function cliBundleOptions(
  root: string,
  entryPoints: Record<string, string>,
  outdir: string,
): BuildOptions;
