// What navigation, rename and the checks share: the mention under the cursor, an entity's
// defining mention, LSP ranges for spans, and edits that carry the version they were made for.
import type { Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import type { AnalyzedDocument } from '../articles';
import type { Entity, Mention, Span } from '../analysis/model';

export function spanRange(doc: AnalyzedDocument, s: Span): Range {
  return { start: doc.lines.positionAt(s.start), end: doc.lines.positionAt(s.end) };
}

/**
 * The mention at a position: one the position is inside, else one it ends (the cursor just
 * after a name, as after a double click or typing it).
 */
export function mentionAt(doc: AnalyzedDocument, position: Position): Mention | undefined {
  const offset = doc.lines.offsetAt(position);
  const { mentions, entities } = doc.annotations;
  const valid = (m: Mention) => !!entities[m.entity];
  return mentions.find((m) => m.start <= offset && offset < m.end && valid(m))
    ?? mentions.find((m) => m.end === offset && valid(m));
}

/** The entity's mentions that exist, in text order. */
export function mentionsOf(doc: AnalyzedDocument, entity: Entity): Mention[] {
  const { mentions } = doc.annotations;
  return entity.mentions.map((i) => mentions[i]).filter((m): m is Mention => !!m).sort((a, b) => a.start - b.start);
}

/** Where the entity is defined: its first mention by its full name, else its first mention. */
export function definitionOf(doc: AnalyzedDocument, entity: Entity): Mention | undefined {
  const all = mentionsOf(doc, entity);
  return all.find((m) => m.text === entity.name) ?? all[0];
}

/** Names compared as a reader would: case, apostrophe style and spacing aside. */
export function normalizeName(name: string): string {
  return name.normalize('NFC').toLowerCase().replace(/[’‘ʼ`´]/g, "'").replace(/[‐‑‒–—]/g, '-').replace(/\s+/g, ' ').trim();
}

/**
 * Edits to one document. With `documentChanges` the edit names the version it was computed
 * for, so an editor whose document has moved on rejects it instead of corrupting the text.
 */
export function documentEdit(doc: AnalyzedDocument, edits: TextEdit[], documentChanges: boolean): WorkspaceEdit {
  return documentChanges
    ? { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits }] }
    : { changes: { [doc.uri]: edits } };
}

/** Occurrences of `word` in `text` that stand as whole words (not inside a longer word). */
export function wholeWordOccurrences(text: string, word: string): number[] {
  const out: number[] = [];
  if (!word) return out;
  const letter = /[\p{L}\p{N}\p{M}]/u;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    const before = text[at - 1] ?? '';
    const after = text[at + word.length] ?? '';
    if ((before === '' || !letter.test(before)) && (after === '' || !letter.test(after))) out.push(at);
  }
  return out;
}
