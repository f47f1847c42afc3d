// The server's background for long documents (see ArticleStore): each whole-document analysis
// runs as a job on the analysis pool's threads, every version of a document on the same
// thread so its paragraph cache serves the next one, and a cancelled job stops between two
// paragraphs (or in its opening wait) through a flag shared with its thread.
import type { Annotations } from '../analysis/model';
import type { AnalysisProgress, Background, BackgroundJob } from '../articles';
import type { DocumentJob } from './job';
import type { AnalysisPool } from './pool';

export function poolBackground(pool: AnalysisPool): Background {
  return {
    analyze(key, text, referenceDate, progress, delayMs): BackgroundJob {
      const cancel = new SharedArrayBuffer(4);
      const job: DocumentJob = { kind: 'document', text, referenceDate, cancel, delayMs };
      const result = pool.run(job, { affinity: key, onProgress: (p) => progress(p as AnalysisProgress) }) as Promise<Annotations>;
      const flag = new Int32Array(cancel);
      // notify: a job still in its opening wait stops waiting.
      return { result, cancel: () => (Atomics.store(flag, 0, 1), Atomics.notify(flag, 0)) };
    },
    forget(key) {
      pool.release(key);
    },
  };
}
