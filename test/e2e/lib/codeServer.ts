// code-server (the real VS Code workbench, served to a browser) for one test run: fresh
// user-data, extensions, config and XDG folders, a free loopback port, its own session (setsid)
// so that stopping it kills every process it started.
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdirSync, writeFileSync, openSync, closeSync, readFileSync, existsSync, watch } from 'node:fs';
import { join } from 'node:path';
import { CODE_SERVER, NODE24, node24Path, requireTools } from './env';
import { until } from './wait';

/** User settings for a quiet, deterministic workbench. */
export const SEEDED_SETTINGS: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.colorTheme': 'Default Dark Modern',
  'chat.disableAIFeatures': true,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'editor.hover.delay': 100,
  'editor.minimap.enabled': false,
  'editor.semanticHighlighting.enabled': true,
  'outline.collapseItems': 'alwaysExpand',
  'files.simpleDialog.enable': true,
  'git.enabled': false,
  'window.commandCenter': false,
};

export interface RunDirs {
  root: string;
  userData: string;
  extensions: string;
  xdg: string;
  config: string;
  log: string;
}

export function makeRunDirs(root: string): RunDirs {
  const dirs: RunDirs = {
    root,
    userData: join(root, 'user-data'),
    extensions: join(root, 'extensions'),
    xdg: join(root, 'xdg'),
    config: join(root, 'code-server.yaml'),
    log: join(root, 'code-server.log'),
  };
  for (const d of [dirs.userData, dirs.extensions, join(dirs.xdg, 'config'), join(dirs.xdg, 'data'), join(dirs.xdg, 'cache')]) mkdirSync(d, { recursive: true });
  return dirs;
}

export function seedSettings(dirs: RunDirs, extra: Record<string, unknown> = {}): void {
  const user = join(dirs.userData, 'User');
  mkdirSync(user, { recursive: true });
  writeFileSync(join(user, 'settings.json'), JSON.stringify({ ...SEEDED_SETTINGS, ...extra }, null, 2));
}

function environment(dirs: RunDirs, extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PATH: node24Path(),
    XDG_CONFIG_HOME: join(dirs.xdg, 'config'),
    XDG_DATA_HOME: join(dirs.xdg, 'data'),
    XDG_CACHE_HOME: join(dirs.xdg, 'cache'),
    // code-server reads these before its flags: none may leak in from the caller's shell.
    PASSWORD: undefined,
    HASHED_PASSWORD: undefined,
    PORT: undefined,
    CODE_SERVER_CONFIG: undefined,
    VSCODE_PROXY_URI: undefined,
    ...extra,
  };
}

/** Installs .vsix files offline into the run's extensions folder, as a user would. */
export function installExtensions(dirs: RunDirs, vsixes: string[], timeoutMs = 120_000): Promise<string> {
  requireTools([NODE24, CODE_SERVER, ...vsixes]);
  const args = [CODE_SERVER, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, '--config', dirs.config,
    ...vsixes.flatMap((v) => ['--install-extension', v]), '--force'];
  writeConfig(dirs, 0);
  return new Promise((resolvePromise, reject) => {
    execFile(NODE24, args, { env: environment(dirs, {}), timeout: timeoutMs, killSignal: 'SIGKILL' }, (err, stdout, stderr) => {
      const out = `${stdout}${stderr}`;
      if (err) reject(new Error(`code-server --install-extension failed: ${err.message}\n${out}`));
      else if (/fail|error/i.test(out) && !/successfully installed/i.test(out)) reject(new Error(`code-server --install-extension: ${out}`));
      else resolvePromise(out);
    });
  });
}

function writeConfig(dirs: RunDirs, port: number): void {
  writeFileSync(dirs.config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\ndisable-telemetry: true\ndisable-update-check: true\n`);
}

export function freePort(): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolvePromise(port));
    });
  });
}

export interface CodeServer {
  port: number;
  pid: number;
  /** The workbench with `folder` open. */
  url: string;
  dirs: RunDirs;
  /** code-server's own output so far. */
  output(): string;
  /** Kills the whole process group and waits for it to go. Safe to call twice. */
  stop(): Promise<void>;
}

const running = new Set<number>();
process.once('exit', () => {
  // A backstop for an interrupted run: nothing of a code-server session may outlive the test process.
  for (const pid of running) try { process.kill(-pid, 'SIGKILL'); } catch { /* gone */ }
});

export async function startCodeServer(dirs: RunDirs, opts: { folder: string; env?: Record<string, string>; port?: number; timeoutMs?: number }): Promise<CodeServer> {
  requireTools([NODE24, CODE_SERVER]);
  const port = opts.port ?? await freePort();
  writeConfig(dirs, port);
  const logFd = openSync(dirs.log, 'a');
  let child: ChildProcess;
  try {
    // detached: the child calls setsid(), leading its own session and process group.
    child = spawn(NODE24, [
      CODE_SERVER,
      '--bind-addr', `127.0.0.1:${port}`,
      '--auth', 'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--user-data-dir', dirs.userData,
      '--extensions-dir', dirs.extensions,
      '--config', dirs.config,
    ], { detached: true, stdio: ['ignore', logFd, logFd], env: environment(dirs, opts.env ?? {}) });
  } finally {
    closeSync(logFd);
  }
  const pid = child.pid!;
  running.add(pid);
  let exited: string | undefined;
  const exit = new Promise<void>((r) => child.once('exit', (code, signal) => { exited = `exited with ${code ?? signal}`; r(); }));
  const output = () => (existsSync(dirs.log) ? readFileSync(dirs.log, 'utf8') : '');

  const groupAlive = () => { try { process.kill(-pid, 0); return true; } catch { return false; } };
  let stopping: Promise<void> | undefined;
  const stop = () => stopping ??= (async () => {
    try { process.kill(-pid, 'SIGTERM'); } catch { /* already gone */ }
    const ended = await Promise.race([exit.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 5000).unref())]);
    if (!ended || groupAlive()) try { process.kill(-pid, 'SIGKILL'); } catch { /* gone */ }
    await until('code-server process group to end', 10_000, () => !groupAlive() || undefined).catch(() => undefined);
    running.delete(pid);
  })();

  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(opts.folder)}`;
  try {
    await until(`code-server on 127.0.0.1:${port}`, opts.timeoutMs ?? 60_000, async () => {
      if (exited) throw Object.assign(new Error(`code-server ${exited}:\n${output()}`), { fatal: true });
      if (!/HTTP server listening on/.test(output())) return undefined;
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      return res.ok || undefined;
    }, (wake) => {
      void exit.then(wake);
      const w = watch(dirs.log, () => wake());
      return () => w.close();
    }, 250);
  } catch (e) {
    await stop();
    throw e;
  }
  return { port, pid, url, dirs, output, stop };
}
