// Quick fixes for the checks in diagnostics.ts: make a name spelt two ways consistent (the
// rarer spelling's mentions rewritten to the more frequent one; the other way round offered
// too), and give an article without a date a `date:` line in its front matter, creating the
// front matter if there is none. Every edit names the document version it was computed for.
import { CodeActionKind, type CancellationToken, type CodeAction, type CodeActionParams, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver';
import type { AnalyzedDocument } from '../articles';
import { parseFrontMatter } from '../analysis/article';
import type { DiagnosticLevel, DiagnosticRule } from '../protocol';
import { findProblems, toDiagnostic, type Problem } from './diagnostics';
import { documentEdit, spanRange, wholeWordOccurrences } from './mentions';

export interface CodeActionOptions {
  documentChanges: boolean;
  levels: Record<DiagnosticRule, DiagnosticLevel>;
}

const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character < b.character);
const overlaps = (a: Range, b: Range) => !before(a.end, b.start) && !before(b.end, a.start);
const sameRange = (a: Range, b: Range) =>
  a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;

export function codeActions(doc: AnalyzedDocument, params: CodeActionParams, token: CancellationToken | undefined, options: CodeActionOptions): CodeAction[] {
  const only = params.context?.only;
  if (only && !only.some((k) => k === CodeActionKind.QuickFix || k === CodeActionKind.Empty || CodeActionKind.QuickFix.startsWith(`${k}.`))) return [];
  const out: CodeAction[] = [];
  for (const p of findProblems(doc, options.levels, token)) {
    if (!p.fix || !overlaps(p.range, params.range)) continue;
    if (token?.isCancellationRequested) return [];
    // The editor's own copy of the diagnostic, so the fix is listed with it.
    const shown = params.context?.diagnostics?.find((d) => d.code === p.rule && sameRange(d.range, p.range));
    const diagnostic = shown ?? toDiagnostic(doc, p, options.levels[p.rule]);
    out.push(...fixesFor(doc, p, diagnostic, options.documentChanges));
  }
  return out;
}

function fixesFor(doc: AnalyzedDocument, p: Problem, diagnostic: Diagnostic, documentChanges: boolean): CodeAction[] {
  const fix = p.fix!;
  if (fix.kind === 'spelling') {
    const action = (from: string, to: string, n: number, preferred: boolean): CodeAction => ({
      title: `Spell it “${to}” everywhere (${n === 1 ? '1 mention' : `${n} mentions`} of “${from}”)`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      isPreferred: preferred,
      edit: documentEdit(doc, respellEdits(doc, from, to), documentChanges),
    });
    return [action(fix.from, fix.to, fix.fromCount, true), action(fix.to, fix.from, fix.toCount, false)];
  }
  const edit = dateEdit(doc, fix.value);
  return [{
    title: edit.replaces ? `Set the front matter’s date to “${fix.value}”` : `Add “date: ${fix.value}” to the front matter`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: true,
    edit: documentEdit(doc, [edit.edit], documentChanges),
  }];
}

/**
 * Every mention written `from`, rewritten as `to`; and `from` as a whole word inside the longer
 * mentions of the same entities ("Qais al-Khazaly" when "Khazaly" becomes "Khazali").
 */
export function respellEdits(doc: AnalyzedDocument, from: string, to: string): TextEdit[] {
  const { mentions } = doc.annotations;
  const same = (t: string) => t.replace(/\s+/g, ' ').trim() === from;
  const entities = new Set(mentions.filter((m) => same(m.text)).map((m) => m.entity));
  const starts = new Set<number>();
  const edits: TextEdit[] = [];
  for (const m of mentions) {
    if (!entities.has(m.entity)) continue;
    const text = doc.text.slice(m.start, m.end).replace(/\r\n|\n|\r/g, (b) => ' '.repeat(b.length));
    const hits = same(m.text) && text !== from ? [{ at: 0, length: text.length }] : wholeWordOccurrences(text, from).map((at) => ({ at, length: from.length }));
    for (const h of hits) {
      const start = m.start + h.at;
      if (starts.has(start)) continue;
      starts.add(start);
      edits.push({ range: spanRange(doc, { start, end: start + h.length }), newText: to });
    }
  }
  return edits.sort((a, b) => (before(a.range.start, b.range.start) ? -1 : 1));
}

/** The edit that gives the article `date: value`: a line in its front matter, or a new front matter. */
export function dateEdit(doc: AnalyzedDocument, value: string): { edit: TextEdit; replaces: boolean } {
  const text = doc.text;
  const eol = /\r\n|\n|\r/.exec(text)?.[0] ?? '\n';
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  const pos = (offset: number) => doc.lines.positionAt(offset);
  const { bodyStart } = parseFrontMatter(text);
  const hasFrontMatter = /^\uFEFF?---[ \t]*(\r\n|\n|\r)/.test(text) && bodyStart > bom;
  if (!hasFrontMatter) {
    const at = pos(bom);
    return { edit: { range: { start: at, end: at }, newText: `---${eol}date: ${value}${eol}---${eol}` }, replaces: false };
  }
  // A `date:` line already there (not a YYYY-MM-DD date): its value is replaced.
  const head = text.slice(0, bodyStart);
  const line = /(^|\r\n|\n|\r)(date[ \t]*:[ \t]*)([^\r\n]*)/i.exec(head);
  if (line) {
    const start = line.index + line[1].length + line[2].length;
    return { edit: { range: { start: pos(start), end: pos(start + line[3].length) }, newText: value }, replaces: true };
  }
  // Otherwise a new line just before the closing `---`.
  const closing = head.replace(/(\r\n|\n|\r)$/, '');
  const at = Math.max(closing.lastIndexOf('\n'), closing.lastIndexOf('\r')) + 1;
  return { edit: { range: { start: pos(at), end: pos(at) }, newText: `date: ${value}${eol}` }, replaces: false };
}
