// Document Highlight on a name: every mention of its entity, aliases included.
import { DocumentHighlightKind, type CancellationToken, type DocumentHighlight, type TextDocumentPositionParams } from 'vscode-languageserver';
import type { AnalyzedDocument } from '../articles';
import { mentionAt, mentionsOf, spanRange } from './mentions';

export function documentHighlights(doc: AnalyzedDocument, params: TextDocumentPositionParams, token?: CancellationToken): DocumentHighlight[] {
  const mention = mentionAt(doc, params.position);
  if (!mention || token?.isCancellationRequested) return [];
  return mentionsOf(doc, doc.annotations.entities[mention.entity])
    .map((m) => ({ range: spanRange(doc, m), kind: DocumentHighlightKind.Text }));
}
