// `npm run eval`: runs the CLI over a gold corpus (brat standoff beside each article) and prints,
// per type, precision/recall/F1 with exact spans and with overlapping spans, date-value accuracy
// and speaker accuracy. It reports; it does not gate.
//   tsx scripts/eval.ts [CORPUS_DIR] [--json FILE] [--cli dist/cli.js] [--verbose]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parseBrat, type BratDocument, type BratSpan } from '../server/src/formats/brat';

const args = process.argv.slice(2);
const flagValues = new Set(['--json', '--cli'].map((f) => args[args.indexOf(f) + 1]).filter((_, i) => args.includes(['--json', '--cli'][i])));
const corpus = args.find((a) => !a.startsWith('--') && !flagValues.has(a)) ?? 'test/fixtures/corpus';
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : undefined;
const verbose = args.includes('--verbose');
const cli = args.includes('--cli') ? args[args.indexOf('--cli') + 1] : 'dist/cli.js';

const TYPES = ['Person', 'Organization', 'Place', 'Date', 'Quote', 'Reported'] as const;

const articles = readdirSync(corpus).filter((f) => f.endsWith('.article')).sort();
const out = mkdtempSync(join(tmpdir(), 'article-lens-eval-'));
execFileSync(process.execPath, [cli, 'annotate', '--format', 'brat', '--out', out, ...articles.map((a) => join(corpus, a))], { stdio: 'inherit' });

interface Counts { tp: number; fp: number; fn: number }
const blank = (): Counts => ({ tp: 0, fp: 0, fn: 0 });
const modes = ['exact', 'overlap80', 'overlap'] as const;
type Mode = typeof modes[number];
const counts: Record<string, Record<Mode, Counts>> = {};
for (const t of [...TYPES, 'Entities']) counts[t] = { exact: blank(), overlap80: blank(), overlap: blank() };
const dateValue = { right: 0, total: 0 };
const speaker: Record<'Quote' | 'Reported', { right: number; total: number }> = { Quote: { right: 0, total: 0 }, Reported: { right: 0, total: 0 } };

const inter = (a: BratSpan, b: BratSpan) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
const matches = (mode: Mode, g: BratSpan, p: BratSpan) =>
  mode === 'exact' ? g.start === p.start && g.end === p.end
    : mode === 'overlap' ? inter(g, p) > 0
      : inter(g, p) >= 0.8 * Math.max(g.end - g.start, p.end - p.start);

/** One-to-one matching, best overlap first, so one long prediction cannot match many gold spans. */
function match(mode: Mode, gold: BratSpan[], pred: BratSpan[]): [BratSpan, BratSpan][] {
  const pairs: [number, BratSpan, BratSpan][] = [];
  for (const g of gold) for (const p of pred) if (matches(mode, g, p)) pairs.push([inter(g, p) / Math.max(g.end - g.start, p.end - p.start), g, p]);
  pairs.sort((a, b) => b[0] - a[0]);
  const usedG = new Set<BratSpan>();
  const usedP = new Set<BratSpan>();
  const result: [BratSpan, BratSpan][] = [];
  for (const [, g, p] of pairs) {
    if (usedG.has(g) || usedP.has(p)) continue;
    usedG.add(g); usedP.add(p); result.push([g, p]);
  }
  return result;
}

const norm = (s: string | undefined) => (s ?? '?').replace(/^speaker=/, '').replace(/[’‘]/g, "'").trim().toLowerCase();
const misses: string[] = [];

for (const a of articles) {
  const name = basename(a, '.article');
  const gold = parseBrat(readFileSync(join(corpus, `${name}.ann`), 'utf8'));
  const pred = parseBrat(readFileSync(join(out, `${name}.ann`), 'utf8'));
  const ofType = (d: BratDocument, t: string) => d.spans.filter((s) => t === 'Entities' ? ['Person', 'Organization', 'Place'].includes(s.type) : s.type === t);
  for (const t of [...TYPES, 'Entities']) {
    const g = ofType(gold, t);
    const p = ofType(pred, t);
    for (const mode of modes) {
      const m = t === 'Entities' && mode === 'exact'
        ? match(mode, g, p).filter(([x, y]) => x.type === y.type)
        : match(mode, g, p);
      counts[t][mode].tp += m.length;
      counts[t][mode].fp += p.length - m.length;
      counts[t][mode].fn += g.length - m.length;
    }
    if (verbose && t !== 'Entities') {
      const m = match('exact', g, p);
      const mg = new Set(m.map(([x]) => x));
      const mp = new Set(m.map(([, y]) => y));
      for (const x of g) if (!mg.has(x)) misses.push(`${name}\tFN ${t}\t${x.text}`);
      for (const y of p) if (!mp.has(y)) misses.push(`${name}\tFP ${t}\t${y.text}`);
    }
    if (t === 'Date') {
      for (const [x, y] of match('overlap', g, p)) {
        dateValue.total++;
        if (norm(x.note) === norm(y.note)) dateValue.right++;
        else if (verbose) misses.push(`${name}\tDATE ${x.text} gold=${x.note} got=${y.note} (${y.text})`);
      }
    }
    if (t === 'Quote' || t === 'Reported') {
      for (const [x, y] of match('overlap', g, p)) {
        speaker[t].total++;
        if (norm(x.note) === norm(y.note)) speaker[t].right++;
        else if (verbose) misses.push(`${name}\tSPEAKER ${t} gold=${norm(x.note)} got=${norm(y.note)}\t${x.text.slice(0, 60)}`);
      }
    }
  }
}
rmSync(out, { recursive: true, force: true });

const prf = (c: Counts) => {
  const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
  const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
};
const f2 = (x: number) => x.toFixed(2);
const rows = [...TYPES, 'Entities'].map((t) => {
  const e = prf(counts[t].exact); const o8 = prf(counts[t].overlap80); const o = prf(counts[t].overlap);
  return `| ${t === 'Entities' ? 'Entities (all three)' : t} | ${f2(e.p)} | ${f2(e.r)} | **${f2(e.f)}** | ${f2(o8.f)} | ${f2(o.p)} | ${f2(o.r)} | **${f2(o.f)}** |`;
});
const acc = (x: { right: number; total: number }) => (x.total ? x.right / x.total : 0);
const both = { right: speaker.Quote.right + speaker.Reported.right, total: speaker.Quote.total + speaker.Reported.total };
console.log(`Scored ${articles.length} articles in ${corpus}\n`);
console.log('| type | P exact | R exact | F1 exact | F1 overlap ≥80% | P overlap | R overlap | F1 overlap |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
console.log(rows.join('\n'));
console.log('');
console.log(`| measure | value | of |`);
console.log('|---|---:|---:|');
console.log(`| date-value accuracy (gold dates overlapped by a found date) | **${f2(acc(dateValue))}** | ${dateValue.total} |`);
console.log(`| speaker accuracy, quotes | **${f2(acc(speaker.Quote))}** | ${speaker.Quote.total} |`);
console.log(`| speaker accuracy, reported speech | **${f2(acc(speaker.Reported))}** | ${speaker.Reported.total} |`);
console.log(`| speaker accuracy, both | **${f2(acc(both))}** | ${both.total} |`);
if (verbose) console.log('\n' + misses.join('\n'));
if (jsonOut) {
  const summary = Object.fromEntries([...TYPES, 'Entities'].map((t) => [t, Object.fromEntries(modes.map((m) => [m, prf(counts[t][m])]))]));
  writeFileSync(jsonOut, JSON.stringify({ corpus, articles: articles.length, types: summary, dateValueAccuracy: acc(dateValue), speakerAccuracy: { quote: acc(speaker.Quote), reported: acc(speaker.Reported), both: acc(both) } }, null, 2) + '\n');
}
