// Go to Definition on a name: the entity's first mention by its full name (where the article
// introduces it), else its first mention.
import type { CancellationToken, Location, TextDocumentPositionParams } from 'vscode-languageserver';
import type { AnalyzedDocument } from '../articles';
import { definitionOf, mentionAt, spanRange } from './mentions';

export function definition(doc: AnalyzedDocument, params: TextDocumentPositionParams, token?: CancellationToken): Location | null {
  const mention = mentionAt(doc, params.position);
  if (!mention || token?.isCancellationRequested) return null;
  const target = definitionOf(doc, doc.annotations.entities[mention.entity]);
  return target ? { uri: doc.uri, range: spanRange(doc, target) } : null;
}
