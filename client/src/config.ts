// The extension's settings, read in one place.
import * as vscode from 'vscode';
import { CATEGORIES, LANGUAGE_ID, type Category } from '../../server/src/protocol';

export const SECTION = 'articleLens';

/** Language ids the server analyses: `article` plus those the user adds (`plaintext`, `markdown`). */
export function languageIds(): string[] {
  const extra = vscode.workspace.getConfiguration(SECTION).get<string[]>('languages', []);
  return [...new Set([LANGUAGE_ID, ...extra.filter((id) => typeof id === 'string' && id.trim()).map((id) => id.trim())])];
}

export function isHighlighted(category: Category): boolean {
  return vscode.workspace.getConfiguration(SECTION).get<boolean>(`highlight.${category}`, true);
}

export async function setHighlighted(category: Category, on: boolean): Promise<void> {
  const config = vscode.workspace.getConfiguration(SECTION);
  // Write where the user set it, so a workspace setting is not shadowed by a global one.
  const inspect = config.inspect<boolean>(`highlight.${category}`);
  const target = inspect?.workspaceFolderValue !== undefined ? vscode.ConfigurationTarget.WorkspaceFolder
    : inspect?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace
      : vscode.ConfigurationTarget.Global;
  await config.update(`highlight.${category}`, on, target);
}

export { CATEGORIES };
