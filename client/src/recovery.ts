// What the client does when the language server dies: restart it, tell the user once, and stop
// trying (with a way back) when it keeps dying, rather than restart in a loop. Pure policy, so it
// is tested outside VS Code; client.ts turns its decisions into the language client's actions.

/** At most this many restarts inside the window; one more death and the client stops. */
export const MAX_RESTARTS = 3;
export const RESTART_WINDOW_MS = 3 * 60_000;

export interface Notifier {
  info(message: string): void;
  error(message: string): void;
  log(message: string): void;
}

export class RestartPolicy {
  private deaths: number[] = [];
  private told = false;

  constructor(private readonly notify: Notifier, private readonly now: () => number = Date.now) {}

  /** A broken message on the connection: survivable a few times in a row, then the server is gone. */
  onConnectionError(message: string, count: number | undefined): 'continue' | 'shutdown' {
    this.notify.log(`Connection error (${count ?? 1}): ${message}`);
    return (count ?? 1) <= 3 ? 'continue' : 'shutdown';
  }

  onServerDied(): 'restart' | 'stop' {
    const now = this.now();
    this.deaths = this.deaths.filter((t) => now - t < RESTART_WINDOW_MS);
    this.deaths.push(now);
    const minutes = RESTART_WINDOW_MS / 60_000;
    if (this.deaths.length > MAX_RESTARTS) {
      this.notify.error(`Article Lens: the language server stopped ${this.deaths.length} times in ${minutes} minutes and will not be restarted. Run “Article Lens: Restart Server” to try again; the output channel “Article Lens” has the details.`);
      return 'stop';
    }
    this.notify.log(`The language server stopped; restarting it (${this.deaths.length} of ${MAX_RESTARTS} in ${minutes} minutes).`);
    if (!this.told) {
      this.told = true;
      this.notify.info('Article Lens: the language server stopped unexpectedly and was restarted.');
    }
    return 'restart';
  }

  /** A manual restart starts a fresh count. */
  reset(): void {
    this.deaths = [];
  }
}
