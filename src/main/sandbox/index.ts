export {
  startSandbox,
  type SandboxHandle,
  type SandboxOptions,
  type SandboxProfile,
  type SandboxSeed,
  type SandboxStats,
} from './server';
export { PLEK_PROFILE_ATTRIBUTES } from './schemas';
export { readSandboxState } from './persistence';
