// Reading an article from disk, refusing what is not text with a message a person can act on.
import { readFileSync, statSync } from 'node:fs';

export type ReadResult = { ok: true; text: string } | { ok: false; error: string };

/** Larger files are refused rather than risk the machine's memory on a mistaken path. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

export function readArticleFile(path: string): ReadResult {
  let bytes: Buffer;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) return { ok: false, error: 'is a folder, not an article' };
    if (stat.size > MAX_FILE_BYTES) return { ok: false, error: `too large (${stat.size} bytes; the limit is ${MAX_FILE_BYTES})` };
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, error: 'no such file' };
    if (code === 'EACCES' || code === 'EPERM') return { ok: false, error: 'permission denied' };
    return { ok: false, error: `cannot read: ${(e as Error).message}` };
  }
  return decodeArticle(bytes);
}

/** UTF-8 (with or without BOM) or UTF-16 with a BOM; anything with NUL bytes or invalid UTF-8 is binary. */
export function decodeArticle(bytes: Uint8Array): ReadResult {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) };
  if (bytes.includes(0)) return { ok: false, error: 'looks like a binary file (it contains NUL bytes), not an article' };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch {
    return { ok: false, error: 'is not valid UTF-8 text (binary, or another encoding); save it as UTF-8' };
  }
}
