// Edits are applied only to the version of the article they were computed for. VS Code applies
// a code action's edit, or a rename's, to whatever the document has become, and the language
// client drops the version the server put on them; so a quick fix kept from before an edit
// would land on the wrong characters. Here a quick fix carries its version into a command that
// checks it before applying, and a rename answered after the article changed is refused.
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';

export const APPLY_COMMAND = 'articleLens.applyVersionedEdit';

const changed = 'Article Lens: the article changed after this edit was computed, so it was not applied. Try again.';

export function registerVersionedEdits(): vscode.Disposable {
  return vscode.commands.registerCommand(APPLY_COMMAND, async (uri: vscode.Uri, version: number, edit: vscode.WorkspaceEdit): Promise<boolean> => {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (!doc || doc.version !== version) {
      void vscode.window.showWarningMessage(changed);
      return false;
    }
    return vscode.workspace.applyEdit(edit);
  });
}

export const versionedEditsMiddleware: Middleware = {
  async provideCodeActions(document, range, context, token, next) {
    const version = document.version;
    const actions = await next(document, range, context, token);
    return actions?.map((a) => {
      if (!(a instanceof vscode.CodeAction) || !a.edit || a.command) return a;
      const guarded = new vscode.CodeAction(a.title, a.kind);
      guarded.diagnostics = a.diagnostics;
      guarded.isPreferred = a.isPreferred;
      guarded.disabled = a.disabled;
      guarded.command = { title: a.title, command: APPLY_COMMAND, arguments: [document.uri, version, a.edit] };
      return guarded;
    });
  },
  async provideRenameEdits(document, position, newName, token, next) {
    const version = document.version;
    const edit = await next(document, position, newName, token);
    if (edit && document.version !== version) throw new Error(changed);
    return edit;
  },
};
