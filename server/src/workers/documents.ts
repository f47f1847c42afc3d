// The server's background for long documents (see ArticleStore): each whole-document analysis
// runs as a job on the analysis pool's threads, every version of a document on the same
// thread so its paragraph cache serves the next one, and a cancelled job stops between two
// paragraphs through a flag shared with its thread.
import type { Annotations } from '../analysis/model';
import type { AnalysisProgress, Background, BackgroundJob } from '../articles';
import { CANCELLED, type DocumentJob } from './job';
import type { AnalysisPool } from './pool';

export function poolBackground(pool: AnalysisPool): Background {
  return {
    analyze(key, text, referenceDate, progress, delayMs): BackgroundJob {
      const cancel = new SharedArrayBuffer(4);
      const flag = new Int32Array(cancel);
      const job: DocumentJob = { kind: 'document', text, referenceDate, cancel };
      const run = () => pool.run(job, { affinity: key, onProgress: (p) => progress(p as AnalysisProgress) }) as Promise<Annotations>;
      if (!delayMs) return { result: run(), cancel: () => Atomics.store(flag, 0, 1) };
      // The job is not even handed to the pool before the wait is over: a thread starting up
      // (loading the analysis, building compromise's lexicon) would slow this one as much as
      // one analysing.
      let timer: NodeJS.Timeout | undefined;
      let stop: (e: Error) => void = () => undefined;
      const result = new Promise<Annotations>((resolve, reject) => {
        stop = reject;
        timer = setTimeout(() => {
          timer = undefined;
          run().then(resolve, reject);
        }, delayMs);
      });
      return {
        result,
        cancel: () => {
          Atomics.store(flag, 0, 1);
          if (timer) {
            clearTimeout(timer);
            stop(new Error(CANCELLED));
          }
        },
      };
    },
    forget(key) {
      pool.release(key);
    },
  };
}
