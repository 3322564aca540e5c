export {
  ScimClient,
  type ScimAuth,
  type ScimClientOptions,
  type ScimGroup,
  type PatchOperation,
  type AttributeWrite,
  type WriteStrategy,
  type TargetDiscovery,
  ScimListingError,
  bulkStatus,
  bulkResourceId,
} from './client';
export { discoverTargetFields } from './discover';
export { ScimRequestError, ScimConflictError, ScimAuthError, AbortedError } from './errors';
export { backoffDelay, parseRetryAfter } from './retry';
