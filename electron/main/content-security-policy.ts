/**
 * The renderer's Content-Security-Policy. Scripts only from our own origin
 * (no inline script, no eval); styles may be inline because CodeMirror injects
 * its theme as style elements; nothing may be fetched from the network.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
