// Rename Symbol on a name: every mention of the entity written that way is rewritten, and the
// same spelling inside the entity's longer mentions too ("Khazali" in "Qais al-Khazali"), so a
// misspelt surname is fixed everywhere at once. Where a rename would be ambiguous it is refused
// with a message the editor shows: the cursor is not on a name, the spelling also names another
// entity, or the new name is empty or spans lines. The edit names the document version it was
// computed for, so an editor whose text has moved on rejects it.
import {
  LSPErrorCodes,
  ResponseError,
  type CancellationToken,
  type PrepareRenameParams,
  type Range,
  type RenameParams,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { AnalyzedDocument } from '../articles';
import type { Entity, Mention } from '../analysis/model';
import { documentEdit, mentionAt, mentionsOf, spanRange, wholeWordOccurrences } from './mentions';

export interface RenameOptions {
  /** The client takes versioned `documentChanges` (else plain `changes`). */
  documentChanges: boolean;
}

interface Target {
  mention: Mention;
  entity: Entity;
  spelling: string;
}

const refuse = (message: string) => new ResponseError<void>(LSPErrorCodes.RequestFailed, message);

function targetAt(doc: AnalyzedDocument, params: PrepareRenameParams): Target | ResponseError<void> {
  const mention = mentionAt(doc, params.position);
  if (!mention) return refuse('Rename works on a name: put the cursor on a person, organization or place the article mentions.');
  const { entities, mentions } = doc.annotations;
  const entity = entities[mention.entity];
  const spelling = mention.text;
  const others = [...new Set(mentions.filter((m) => m.text === spelling && m.entity !== mention.entity && entities[m.entity]).map((m) => m.entity))];
  if (others.length) {
    const names = [entity, ...others.map((i) => entities[i])].map((e) => `“${e.name}” (${e.type.toLowerCase()})`);
    return refuse(`Cannot rename “${spelling}”: the article uses it for ${names.length} different entities, ${names.join(' and ')}, so a rename would be ambiguous.`);
  }
  return { mention, entity, spelling };
}

export function prepareRename(doc: AnalyzedDocument, params: PrepareRenameParams, token?: CancellationToken): { range: Range; placeholder: string } | ResponseError<void> | null {
  if (token?.isCancellationRequested) return null;
  const target = targetAt(doc, params);
  if (target instanceof ResponseError) return target;
  return { range: spanRange(doc, target.mention), placeholder: target.spelling };
}

export function rename(doc: AnalyzedDocument, params: RenameParams, token: CancellationToken | undefined, options: RenameOptions): WorkspaceEdit | ResponseError<void> | null {
  if (token?.isCancellationRequested) return null;
  const target = targetAt(doc, params);
  if (target instanceof ResponseError) return target;
  const newName = typeof params.newName === 'string' ? params.newName.trim() : '';
  if (!newName) return refuse('The new name is empty.');
  if (/[\r\n\u2028\u2029]/.test(newName)) return refuse('A name cannot span lines: the new name has a line break.');
  if (newName === target.spelling) return documentEdit(doc, [], options.documentChanges);
  return documentEdit(doc, spellingEdits(doc, target.entity, target.spelling, newName), options.documentChanges);
}

/**
 * Edits rewriting `spelling` as `replacement` in every mention of `entity`: whole mentions
 * written that way, and the spelling as a whole word inside its longer mentions.
 */
export function spellingEdits(doc: AnalyzedDocument, entity: Entity, spelling: string, replacement: string): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const m of mentionsOf(doc, entity)) {
    // Line breaks as spaces, as in the mention's own text, so offsets stay aligned.
    const text = doc.text.slice(m.start, m.end).replace(/\r\n|\n|\r/g, (b) => ' '.repeat(b.length));
    for (const at of wholeWordOccurrences(text, spelling)) {
      edits.push({ range: spanRange(doc, { start: m.start + at, end: m.start + at + spelling.length }), newText: replacement });
    }
  }
  return edits;
}

/** Over the size limit only part of the article is analysed: a rename would miss the rest. */
export function tooLargeToRename(): ResponseError<void> {
  return refuse('This article is over the size limit (articleLens.maxDocumentSize) and is analysed only in part, so a rename could miss mentions: use Find and Replace instead.');
}
