// Preloaded into the language server by sandbox.test.ts: every way Node has to reach the
// network or run a program is replaced by one that records the attempt in $SANDBOX_LOG and
// fails. The server must never need any of them.
const fs = require('node:fs');
const log = process.env.SANDBOX_LOG;
const deny = (what) => function () {
  fs.appendFileSync(log, `${what}\n`);
  throw new Error(`sandbox: ${what} is not allowed`);
};
const net = require('node:net');
net.connect = net.createConnection = deny('net.connect');
net.Socket.prototype.connect = deny('socket.connect');
const dns = require('node:dns');
dns.lookup = dns.resolve = deny('dns');
dns.promises.lookup = dns.promises.resolve = deny('dns');
for (const name of ['http', 'https', 'http2']) {
  const m = require(`node:${name}`);
  if (m.request) m.request = deny(`${name}.request`);
  if (m.get) m.get = deny(`${name}.get`);
  if (m.connect) m.connect = deny(`${name}.connect`);
}
globalThis.fetch = deny('fetch');
const cp = require('node:child_process');
for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) cp[name] = deny(`child_process.${name}`);
