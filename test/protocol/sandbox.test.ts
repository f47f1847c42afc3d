// Safe in untrusted workspaces: the server reaches no network and runs no program, whatever it
// is asked. It runs here with every such Node API replaced by one that records the attempt.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer } from './lspClient';

describe('the server in a sandbox', () => {
  it('answers a whole session without touching the network or running a program', async () => {
    const log = join(mkdtempSync(join(tmpdir(), 'al-sandbox-')), 'attempts.log');
    writeFileSync(log, '');
    process.env.SANDBOX_LOG = log;
    const server = await startServer({}, { nodeArgs: ['--require', join(__dirname, 'sandbox.cjs')] });
    try {
      const file = join(__dirname, '../../samples/khazali.article');
      const uri = pathToFileURL(file).toString();
      const text = readFileSync(file, 'utf8') + '\nSee https://example.com/report and www.example.org for more.';
      const c = server.connection;
      await c.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'article', version: 1, text } });
      await c.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } });
      await c.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 5, character: 3 } });
      await c.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
      await c.sendRequest('articleLens/export', { uri, format: 'json' });
      await c.sendNotification('workspace/didChangeConfiguration', { settings: null });
      await c.sendRequest('articleLens/summary', { uri });
      assert.equal(readFileSync(log, 'utf8'), '', 'the server tried to reach the network or run a program');
      assert.equal(server.process.exitCode, null);
    } finally {
      await server.stop();
      delete process.env.SANDBOX_LOG;
    }
  });
});
