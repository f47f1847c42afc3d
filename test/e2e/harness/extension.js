// Test-only extension for the VS Code end-to-end suite (test/e2e/vscode.e2e.ts). It does
// nothing unless ARTICLE_LENS_E2E_DIR is set in the extension host's environment (code-server
// passes its own environment on). Then it answers requests the suite drops into $DIR/rpc as
// req-ID.json with res-ID.json, running the VS Code API in the real extension host: hover,
// document symbols and semantic tokens through the registered providers (so through Article
// Lens's language client and server), the active editor's selection, settings, commands; and for
// navigate.e2e.ts: a document's text and diagnostics, code lenses, code actions (kept so that
// their edits can be applied later), definition, references and workspace symbols.
const vscode = require('vscode');
const fs = require('fs');
const path = require('path');

const LENS_ID = 'article-lens.article-lens';

/** A code action's edit: its own, or the one Article Lens's versioned-edit command carries. */
function actionEdit(a) {
  if (a.edit) return a.edit;
  const args = a.command && a.command.command === 'articleLens.applyVersionedEdit' ? a.command.arguments : undefined;
  return args && args[2];
}

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

  // Navigate, check and the code lens (test/e2e/navigate.e2e.ts).
  async text({ path: p }) {
    const doc = await vscode.workspace.openTextDocument(uriOf(p));
    return { text: doc.getText(), version: doc.version, isDirty: doc.isDirty };
  },
  async diagnostics({ path: p }) {
    const uri = uriOf(p);
    const doc = await vscode.workspace.openTextDocument(uri);
    return vscode.languages.getDiagnostics(uri).map((d) => ({
      range: plainRange(d.range),
      text: doc.getText(d.range),
      message: typeof d.message === 'string' ? d.message : d.message.value,
      code: d.code && typeof d.code === 'object' ? String(d.code.value) : d.code === undefined ? null : String(d.code),
      severity: vscode.DiagnosticSeverity[d.severity],
      source: d.source || null,
    }));
  },
  async codeLenses({ path: p }) {
    const lenses = (await vscode.commands.executeCommand('vscode.executeCodeLensProvider', uriOf(p))) || [];
    return lenses.map((l) => ({
      range: plainRange(l.range),
      title: l.command ? l.command.title : null,
      command: l.command ? l.command.command : null,
      arguments: l.command && l.command.arguments ? JSON.parse(JSON.stringify(l.command.arguments)) : [],
    }));
  },
  /**
   * The code actions for a range, as vscode.executeCodeActionProvider gives them. Each is kept
   * in the extension host under an id, so that its edit can be applied later (applyKeptEdit).
   */
  async codeActions({ path: p, range, kind }) {
    const uri = uriOf(p);
    const doc = await vscode.workspace.openTextDocument(uri);
    const r = new vscode.Range(pos(range.start), pos(range.end));
    const actions = (await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, r, kind)) || [];
    return actions.map((a) => {
      const id = String(++keptCount);
      kept.set(id, a);
      return {
        id,
        title: a.title,
        kind: a.kind ? a.kind.value : null,
        isPreferred: !!a.isPreferred,
        version: doc.version,
        edits: actionEdit(a) ? actionEdit(a).entries().flatMap(([u, edits]) => edits.map((e) => ({ path: u.fsPath, range: plainRange(e.range), newText: e.newText }))) : [],
      };
    });
  },
  /**
   * Runs a kept code action as VS Code does when it is chosen: its edit with
   * workspace.applyEdit, then its command. Whether it was applied, and the text after.
   */
  async applyKeptEdit({ id }) {
    const a = kept.get(id);
    if (!a || (!a.edit && !a.command)) throw new Error(`no kept code action ${id} with an edit or a command`);
    let applied = true;
    if (a.edit) applied = await vscode.workspace.applyEdit(a.edit);
    if (a.command) applied = (await vscode.commands.executeCommand(a.command.command, ...(a.command.arguments || []))) !== false && applied;
    const edit = actionEdit(a);
    const [uri] = edit ? edit.entries().map(([u]) => u) : [];
    const doc = uri && await vscode.workspace.openTextDocument(uri);
    return { applied, text: doc ? doc.getText() : null, version: doc ? doc.version : null };
  },
  /** Inserts text as a user's edit would (undoable); the document's version after. */
  async insert({ path: p, line, character, text }) {
    const uri = uriOf(p);
    const e = new vscode.WorkspaceEdit();
    e.insert(uri, pos({ line, character }), text);
    if (!(await vscode.workspace.applyEdit(e))) throw new Error('the insert was not applied');
    return (await vscode.workspace.openTextDocument(uri)).version;
  },
  /** Deletes a range; the document's version after. */
  async remove({ path: p, range }) {
    const uri = uriOf(p);
    const e = new vscode.WorkspaceEdit();
    e.delete(uri, new vscode.Range(pos(range.start), pos(range.end)));
    if (!(await vscode.workspace.applyEdit(e))) throw new Error('the delete was not applied');
    return (await vscode.workspace.openTextDocument(uri)).version;
  },
  async definition({ path: p, line, character }) {
    const found = (await vscode.commands.executeCommand('vscode.executeDefinitionProvider', uriOf(p), pos({ line, character }))) || [];
    return Promise.all(found.map(located));
  },
  async references({ path: p, line, character }) {
    const found = (await vscode.commands.executeCommand('vscode.executeReferenceProvider', uriOf(p), pos({ line, character }))) || [];
    return Promise.all(found.map(located));
  },
  async workspaceSymbols({ query }) {
    const found = (await vscode.commands.executeCommand('vscode.executeWorkspaceSymbolProvider', query)) || [];
    return found.map((s) => ({
      name: s.name,
      kind: vscode.SymbolKind[s.kind],
      containerName: s.containerName || null,
      path: s.location.uri.fsPath,
      range: plainRange(s.location.range),
    }));
  },
};

/** Code actions answered by codeActions, by id, for applyKeptEdit. */
const kept = new Map();
let keptCount = 0;

/** A Location or LocationLink as a path, a range and the text it covers. */
async function located(l) {
  const uri = l.uri || l.targetUri;
  const range = l.range || l.targetSelectionRange || l.targetRange;
  const doc = await vscode.workspace.openTextDocument(uri);
  return { path: uri.fsPath, range: plainRange(range), text: doc.getText(range) };
}

function deactivate() {}

module.exports = { activate, deactivate };
