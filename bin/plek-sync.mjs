#!/usr/bin/env node
// The plek-sync CLI runs the TypeScript sources through tsx's loader, so `npx plek-sync` works right after
// `npm install` with no build step. The engine is the same code the workbench and the server-side sync use.
import { register } from 'tsx/esm/api';

register();
await import(new URL('../src/main/cli/run-cli.ts', import.meta.url).href);
