// Bounded waits on signals: a condition checked whenever something may have changed, with a
// deadline that fails with what was last seen.
import { watch, existsSync, readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';

/** Checks `probe` on every tick of `subscribe` (and on a slow backstop interval) until it returns a value. */
export async function until<T>(what: string, timeoutMs: number, probe: () => T | undefined | Promise<T | undefined>,
  subscribe?: (wake: () => void) => () => void, backstopMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  return new Promise<T>((resolvePromise, reject) => {
    let done = false;
    let running = false;
    let again = false;
    const finish = (f: () => void) => {
      if (done) return;
      done = true;
      clearInterval(timer);
      clearTimeout(limit);
      unsubscribe?.();
      f();
    };
    const check = async () => {
      if (done) return;
      if (running) { again = true; return; }
      running = true;
      try {
        const v = await probe();
        if (v !== undefined && v !== null && v !== false) finish(() => resolvePromise(v as T));
      } catch (e) {
        last = e;
      } finally {
        running = false;
      }
      if (again) { again = false; void check(); }
    };
    const timer = setInterval(check, backstopMs);
    const limit = setTimeout(() => finish(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${last instanceof Error ? last.message : String(last)}` : ''}`))), Math.max(0, deadline - Date.now()));
    const unsubscribe = subscribe?.(() => void check());
    void check();
  });
}

/** Waits until `file` exists, woken by inotify on its folder. Returns its content. */
export function fileAppears(file: string, timeoutMs: number): Promise<string> {
  return until(`${file}`, timeoutMs, () => (existsSync(file) ? readFileSync(file, 'utf8') : undefined), (wake) => {
    const w = watch(dirname(file), (_e, name) => { if (!name || name === basename(file)) wake(); });
    return () => w.close();
  });
}
