// The error boundary every request goes through: a failure in one feature is logged with the
// shape of its input (never the article's text, which may be confidential) and answered with
// an empty result, so one bad document can never take the server down.
import type { CancellationToken } from 'vscode-languageserver';

export interface Logger {
  error(message: string): void;
}

/** What is safe to log about a request: its kind of document, version and size, no text. */
export function shapeOf(params: unknown, documentSize?: (uri: string) => { version: number; length: number; lines: number } | undefined): string {
  if (!params || typeof params !== 'object') return typeof params;
  const p = params as { textDocument?: { uri?: string }; uri?: string; position?: unknown; range?: unknown };
  const uri = p.textDocument?.uri ?? p.uri;
  const parts: string[] = [];
  if (typeof uri === 'string') {
    const scheme = /^([a-z][\w+.-]*):/i.exec(uri)?.[1] ?? '?';
    const ext = /(\.[\w-]{1,10})$/.exec(uri)?.[1] ?? '';
    parts.push(`${scheme} document${ext ? ` (${ext})` : ''}`);
    const size = documentSize?.(uri);
    if (size) parts.push(`version ${size.version}, ${size.length} UTF-16 units, ${size.lines} lines`);
  }
  if (p.position) parts.push(`at ${JSON.stringify(p.position)}`);
  if (p.range) parts.push(`range ${JSON.stringify(p.range)}`);
  return parts.join(', ') || Object.keys(params).join(',');
}

/**
 * Wraps a request handler: a thrown error is logged once with `describe(params)` and the
 * request answered with `fallback`; a cancelled request is answered with `fallback` unrun.
 */
export function guarded<P, R>(
  name: string,
  log: Logger,
  describe: (params: P) => string,
  fallback: R,
  handler: (params: P, token: CancellationToken) => R,
): (params: P, token: CancellationToken) => R {
  return (params, token) => {
    if (token?.isCancellationRequested) return fallback;
    try {
      return handler(params, token);
    } catch (e) {
      const err = e instanceof Error ? `${e.name}: ${e.message}\n${e.stack ?? ''}` : String(e);
      log.error(`Article Lens: ${name} failed on ${describe(params)}. Answered empty. ${err}`);
      return fallback;
    }
  };
}
