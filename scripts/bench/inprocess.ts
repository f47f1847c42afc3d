// Runs in a child process of the benchmark, so that neither side shares a warmed-up (or, for
// compromise's plugins, globally extended) library with the other:
//   baseline FILE  plain compromise, paragraph by paragraph (every non-blank line): people,
//                  places, organizations, quotations and dates (the compromise-dates plugin)
//   analyze FILE   Article Lens's analyze() over the whole text with an empty paragraph cache,
//                  i.e. a full analysis
// Both first warm up on WARM (a short article), then time REPS runs; prints {"ms": [...]} as JSON.
// The benchmark bundles this file with esbuild, as the server is bundled, so that both sides run
// the same compromise as the server: its ES sources with patches/ applied.
import { readFileSync } from 'node:fs';

const [mode, file, warm, repsArg] = process.argv.slice(2);
const text = readFileSync(file, 'utf8');
const warmText = readFileSync(warm, 'utf8');
const reps = Number(repsArg ?? 1);

async function main(): Promise<void> {
  let once: (t: string) => void;
  if (mode === 'baseline') {
    const nlp = (await import('compromise')).default;
    const dates = (await import('compromise-dates')).default;
    nlp.plugin(dates);
    once = (t) => {
      for (const line of t.split(/\r?\n/)) {
        if (!line.trim()) continue;
        const doc = nlp(line) as ReturnType<typeof nlp> & { dates(): { json(): unknown } };
        doc.people().json();
        doc.places().json();
        doc.organizations().json();
        doc.quotations().json();
        doc.dates().json();
      }
    };
  } else if (mode === 'analyze') {
    const { analyze, ParagraphCache } = await import('../../server/src/analysis/analyze');
    once = (t) => void analyze(t, { cache: new ParagraphCache() });
  } else {
    throw new Error(`unknown mode ${mode}`);
  }
  once(warmText);
  const ms: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    once(text);
    ms.push(performance.now() - t0);
  }
  process.stdout.write(JSON.stringify({ ms }) + '\n');
}

void main();
