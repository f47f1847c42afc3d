// server/src/launch.ts: how every editor starts the server. The VS Code client passes the flags
// itself (test/e2e/vscode.e2e.ts checks the running process); other editors copy the command
// the README gives, so that command must say the same.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EventEmitter } from 'node:events';
import { SERVER_ENV, SERVER_NODE_FLAGS } from '../../server/src/launch';
import { arrivals } from '../../server/src/server';

/** The words of the README's shell command that starts `dist/server.js`, its continuation lines joined. */
function readmeServerCommand(): string[] {
  const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1].replace(/\\\n\s*/g, ''));
  const commands = blocks.flatMap((b) => b.split('\n')).filter((line) => /\bnode\b.*\bdist\/server\.js\b/.test(line));
  assert.equal(commands.length, 1, `expected one command starting dist/server.js in the README, found ${commands.length}`);
  return commands[0].split(/\s+/);
}

describe('how editors start the server', () => {
  it('the README starts it with exactly the Node flags the VS Code client passes', () => {
    const words = readmeServerCommand();
    const flags = words.slice(words.indexOf('node') + 1, words.indexOf('dist/server.js'));
    assert.deepEqual([...flags].sort(), [...SERVER_NODE_FLAGS].sort());
  });

  it('the README sets the environment the VS Code client sets', () => {
    const words = readmeServerCommand();
    const environment = words.slice(0, words.indexOf('node'));
    assert.deepEqual(environment.sort(), Object.entries(SERVER_ENV).map(([name, value]) => `${name}=${value}`).sort());
  });

  it('the README starts it over stdio with a code cache directory', () => {
    const words = readmeServerCommand();
    const args = words.slice(words.indexOf('dist/server.js') + 1);
    assert.ok(args.includes('--stdio'), args.join(' '));
    assert.ok(args.includes('--code-cache-dir'), args.join(' '));
  });
});

describe('hearing a message arrive, so that priming steps aside (ArticleStore.messageArriving)', () => {
  const transports = () => Object.assign(new EventEmitter(), { stdin: new EventEmitter() });

  it('over stdio, as bytes reach standard input', () => {
    const t = transports();
    let heard = 0;
    arrivals(['node', 'server.js', '--stdio'], t)!(() => heard++);
    t.stdin.emit('data', Buffer.from('Content-Length: 2\r\n\r\n{}'));
    t.emit('message', {});
    assert.equal(heard, 1);
  });

  it('over node IPC (the VS Code client), as a message reaches the process', () => {
    const t = transports();
    let heard = 0;
    arrivals(['node', 'server.js', '--node-ipc', '--clientProcessId=1'], t)!(() => heard++);
    t.emit('message', { jsonrpc: '2.0' });
    t.stdin.emit('data', Buffer.alloc(1));
    assert.equal(heard, 1);
  });

  it('not over a socket or pipe, which it has no ear on', () => {
    assert.equal(arrivals(['node', 'server.js', '--socket=6009'], transports()), undefined);
  });
});
