// Test-only extension for the VS Code end-to-end suite (test/e2e/vscode.e2e.ts). It does
// nothing unless ARTICLE_LENS_E2E_DIR is set in the extension host's environment (code-server
// passes its own environment on). Then it answers requests the suite drops into $DIR/rpc as
// req-ID.json with res-ID.json, running the VS Code API in the real extension host: hover,
// document symbols and semantic tokens through the registered providers (so through Article
// Lens's language client and server), the active editor's selection, settings, commands.
const vscode = require('vscode');
const fs = require('fs');
const path = require('path');

const LENS_ID = 'article-lens.article-lens';

function activate(context) {
  const dir = process.env.ARTICLE_LENS_E2E_DIR;
  if (!dir) return;
  const rpc = path.join(dir, 'rpc');
  fs.mkdirSync(rpc, { recursive: true });
  const seen = new Set();

  const scan = () => {
    let names;
    try { names = fs.readdirSync(rpc); } catch { return; }
    for (const name of names) {
      const m = /^req-(\w+)\.json$/.exec(name);
      if (!m || seen.has(m[1])) continue;
      seen.add(m[1]);
      void answer(m[1], path.join(rpc, name));
    }
  };

  const answer = async (id, file) => {
    let reply;
    try {
      const req = JSON.parse(fs.readFileSync(file, 'utf8'));
      const op = OPS[req.op];
      if (!op) throw new Error(`unknown op ${req.op}`);
      reply = { ok: true, result: await op(req.args || {}) };
    } catch (e) {
      reply = { ok: false, error: e && e.stack ? e.stack : String(e) };
    }
    const out = path.join(rpc, `res-${id}.json`);
    fs.writeFileSync(out + '.tmp', JSON.stringify(reply));
    fs.renameSync(out + '.tmp', out);
  };

  // inotify tells of new requests; the interval is a backstop should a notification be missed.
  const watcher = fs.watch(rpc, () => scan());
  const timer = setInterval(scan, 500);
  context.subscriptions.push({ dispose: () => { watcher.close(); clearInterval(timer); } });
  scan();
  fs.writeFileSync(path.join(dir, 'harness-ready.json'), JSON.stringify({ vscode: vscode.version, pid: process.pid }));
}

const uriOf = (p) => vscode.Uri.file(p);
const pos = (a) => new vscode.Position(a.line, a.character);
const plainRange = (r) => r && { start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } };
const markdown = (c) => (typeof c === 'string' ? c : c.value);

function symbolTree(s) {
  return {
    name: s.name,
    detail: s.detail,
    kind: vscode.SymbolKind[s.kind],
    range: plainRange(s.range || (s.location && s.location.range)),
    children: (s.children || []).map(symbolTree),
  };
}

/** Turns a request's arguments into API values: {$uri: path} → Uri, {$range: …} → Range. */
function revive(a) {
  if (Array.isArray(a)) return a.map(revive);
  if (a && typeof a === 'object') {
    if (typeof a.$uri === 'string') return uriOf(a.$uri);
    return Object.fromEntries(Object.entries(a).map(([k, v]) => [k, revive(v)]));
  }
  return a;
}

const OPS = {
  async ping() {
    const lens = vscode.extensions.getExtension(LENS_ID);
    return { vscode: vscode.version, lens: lens ? { active: lens.isActive, version: lens.packageJSON.version, path: lens.extensionPath } : null };
  },
  async activateLens() {
    const lens = vscode.extensions.getExtension(LENS_ID);
    if (!lens) throw new Error(`${LENS_ID} is not installed`);
    await lens.activate();
    return { active: lens.isActive };
  },
  async open({ path: p }) {
    const doc = await vscode.workspace.openTextDocument(uriOf(p));
    await vscode.window.showTextDocument(doc);
    return { uri: doc.uri.toString(), languageId: doc.languageId };
  },
  async activeEditor() {
    const e = vscode.window.activeTextEditor;
    if (!e) return null;
    return {
      path: e.document.uri.fsPath,
      languageId: e.document.languageId,
      selection: plainRange(e.selection),
      selectedText: e.document.getText(e.selection),
    };
  },
  async hover({ path: p, line, character }) {
    const hovers = (await vscode.commands.executeCommand('vscode.executeHoverProvider', uriOf(p), pos({ line, character }))) || [];
    return hovers.map((h) => ({ range: plainRange(h.range), contents: h.contents.map(markdown) }));
  },
  async symbols({ path: p }) {
    const symbols = (await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', uriOf(p))) || [];
    return symbols.map(symbolTree);
  },
  async tokens({ path: p }) {
    const uri = uriOf(p);
    const legend = await vscode.commands.executeCommand('vscode.provideDocumentSemanticTokensLegend', uri);
    const tokens = await vscode.commands.executeCommand('vscode.provideDocumentSemanticTokens', uri);
    if (!legend || !tokens) return { legend: legend || null, tokens: [] };
    const doc = await vscode.workspace.openTextDocument(uri);
    const out = [];
    let line = 0;
    let character = 0;
    const d = tokens.data;
    for (let i = 0; i + 4 < d.length; i += 5) {
      line += d[i];
      character = d[i] === 0 ? character + d[i + 1] : d[i + 1];
      const length = d[i + 2];
      const modifiers = legend.tokenModifiers.filter((_, bit) => d[i + 4] & (1 << bit));
      out.push({ line, character, length, type: legend.tokenTypes[d[i + 3]], modifiers, text: doc.lineAt(line).text.slice(character, character + length) });
    }
    return { legend: { tokenTypes: legend.tokenTypes, tokenModifiers: legend.tokenModifiers }, tokens: out };
  },
  async config({ key }) {
    const i = key.lastIndexOf('.');
    return vscode.workspace.getConfiguration(key.slice(0, i)).get(key.slice(i + 1));
  },
  async command({ id, args }) {
    const result = await vscode.commands.executeCommand(id, ...revive(args || []));
    return result === undefined ? null : JSON.parse(JSON.stringify(result));
  },
};

function deactivate() {}

module.exports = { activate, deactivate };
