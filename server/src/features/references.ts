// Find All References on a name: every mention of its entity, aliases included, in text order.
// Without `includeDeclaration` the defining mention (see definition.ts) is left out.
import type { CancellationToken, Location, ReferenceParams } from 'vscode-languageserver';
import type { AnalyzedDocument } from '../articles';
import { definitionOf, mentionAt, mentionsOf, spanRange } from './mentions';

export function references(doc: AnalyzedDocument, params: ReferenceParams, token?: CancellationToken): Location[] {
  const mention = mentionAt(doc, params.position);
  if (!mention || token?.isCancellationRequested) return [];
  const entity = doc.annotations.entities[mention.entity];
  const declaration = definitionOf(doc, entity);
  return mentionsOf(doc, entity)
    .filter((m) => params.context?.includeDeclaration !== false || m !== declaration)
    .map((m) => ({ uri: doc.uri, range: spanRange(doc, m) }));
}
