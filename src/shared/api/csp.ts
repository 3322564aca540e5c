/**
 * The renderer's Content-Security-Policy: only our own scripts (no `unsafe-eval`, no inline scripts), no
 * plugins, no framing, network access only back to the origin that served the page (the loopback bridge in
 * browser mode). Inline styles stay allowed because the graph canvas positions nodes with style attributes.
 * index.html carries the same policy as a meta tag (minus `frame-ancestors`, which only works as a header).
 */
export const RENDERER_CSP_DIRECTIVES: Readonly<Record<string, string>> = {
  'default-src': "'none'",
  'script-src': "'self'",
  'style-src': "'self' 'unsafe-inline'",
  'img-src': "'self' data:",
  'font-src': "'self'",
  'connect-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'none'",
};

/** As a meta tag takes it. */
export const RENDERER_CSP_META = Object.entries(RENDERER_CSP_DIRECTIVES)
  .map(([k, v]) => `${k} ${v}`)
  .join('; ');

/** As the bridge sends it in a header. */
export const RENDERER_CSP_HEADER = `${RENDERER_CSP_META}; frame-ancestors 'none'`;
