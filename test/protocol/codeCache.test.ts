// dist/server.js with --code-cache-dir, as the VS Code client starts it: the first server saves
// V8's code cache once it has done its first work, and the next one starts from it.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CODE_CACHE_AFTER_MS } from '../../server/src/codeCache';
import { until } from '../e2e/lib/wait';
import { startServer, type TestServer } from './lspClient';

const ARTICLE = 'Strike ends\n\n“We will be back at work on Monday,” said Maria Lopez, a nurse in Madrid.\n';

async function tokensOf(server: TestServer, uri = 'untitled:strike.article'): Promise<number[]> {
  await server.open(uri, ARTICLE);
  const tokens = await server.connection.sendRequest<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri } });
  return tokens.data;
}

describe('the server with a code cache directory', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'article-lens-server-cache-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const cacheFiles = () => readdirSync(dir).filter((f) => f.endsWith('.v8cache'));

  it('saves the cache once it has done its first work, and the next server starts from it', async function () {
    this.timeout(CODE_CACHE_AFTER_MS + 40_000);
    const first = await startServer({}, { serverArgs: ['--code-cache-dir', dir] });
    let firstTokens: number[];
    try {
      firstTokens = await tokensOf(first);
      assert.deepEqual(cacheFiles(), [], 'not while it starts');
      // The server says so once the file is in place (written, then renamed): waiting for the
      // file instead could look between the two, before the log line has come.
      await until('the server to say it saved the code cache', CODE_CACHE_AFTER_MS + 20_000, () => first.logs.some((l) => /saved the code cache/.test(l)));
      assert.equal(cacheFiles().length, 1);
    } finally {
      await first.stop();
    }
    const [file] = cacheFiles();
    const written = statSync(join(dir, file)).mtimeMs;

    const second = await startServer({}, { serverArgs: ['--code-cache-dir', dir] });
    try {
      assert.deepEqual(await tokensOf(second), firstTokens, 'the same answers');
      assert.ok(second.logs.some((l) => /started from the code cache/.test(l)), second.logs.join('\n'));
      assert.deepEqual(cacheFiles(), [file]);
      assert.equal(statSync(join(dir, file)).mtimeMs, written, 'a cache taken is not written again');
    } finally {
      await second.stop();
    }
  });

  it('starts without one when the directory cannot be made, and says so when it would save', async function () {
    this.timeout(CODE_CACHE_AFTER_MS + 40_000);
    writeFileSync(join(dir, 'a-file'), '');
    const server = await startServer({}, { serverArgs: ['--code-cache-dir', join(dir, 'a-file', 'cache')] });
    try {
      assert.ok((await tokensOf(server)).length > 0);
      await until('the failure to be logged', CODE_CACHE_AFTER_MS + 20_000, () => server.logs.some((l) => /could not save the code cache/.test(l)));
      assert.ok(server.logs.some((l) => /could not save the code cache/.test(l)), server.logs.join('\n'));
      assert.ok((await tokensOf(server, 'untitled:again.article')).length > 0, 'and goes on answering');
    } finally {
      await server.stop();
    }
  });
});
