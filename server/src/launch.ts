// How the server's Node process is started. Every editor should start it the same way: the
// VS Code client (client/src/client.ts) passes these flags and environment, so do the protocol
// tests and the benchmark (test/protocol/lspClient.ts), and the README gives them for other
// editors.

/**
 * The old generation of each thread's heap grows by half between full collections, not by up
 * to fourfold as V8 lets a short, busy script do. A long article keeps two threads busy (this
 * one and a pool thread), and with a 1 MB article open that growth left the server holding
 * about 320 MB, most of it garbage not yet collected. With the pool thread's young generation
 * kept small too (server.ts) and two malloc arenas (SERVER_ENV), the peak is about 230 MB.
 * Growing by a fifth instead keeps that peak some 10 MB lower, but typing in a long article
 * then takes two and a half times as many full collections (5 in 200 keystrokes rather than
 * 2), and the keystroke p95 was 1–2 ms higher (docs/performance.md, memory while typing).
 */
const HEAP_GROWTH = '--heap-growing-percent=50';
/**
 * The young generation starts with 8 MB semi-spaces rather than 1 MB (how far V8 may grow them
 * is unchanged): the first screen of an article allocates fast from the start, and a small
 * young generation spends that time in scavenges. Capped smaller instead, the first screen of a
 * long article is a sixth slower; starting at 16 MB gains nothing more. (Pool threads stay
 * within their own 12 MB young generation, server.ts.)
 */
const YOUNG_GENERATION = '--min-semi-space-size=8';
/**
 * Regular expressions are compiled to machine code the first time they run, not interpreted
 * once first. compromise and the date grammar run hundreds of them on every paragraph, so the
 * interpreted first runs all fall on the first article opened; compiled at once, they fall on
 * the warm-up at start-up (warmUp.ts), and the first screen of a long article comes about a
 * fifth sooner.
 */
const REGEXP_AT_ONCE = '--no-regexp-tier-up';

/**
 * TurboFan inlines half as much bytecode into a function it optimises as by default, and does
 * not peel loops. While the first screen of an article is analysed, the other core is busy
 * optimising the analysis's code (with optimisation on this thread instead, that screen takes
 * half as long again), and this thread runs slower code until that is done. Smaller
 * optimisations are ready sooner: over 15-25 fresh servers each, the first screen of a long
 * article came about 7 % sooner with half the inlining and 4-9 % sooner again without loop
 * peeling, and a whole-article analysis, run three times over, was as fast from the second run
 * on within the noise (turning inlining off altogether lost about 3 % there). The command line
 * sets them too (cli/main.ts): in batch mode each worker thread starts cold, and the threads'
 * optimisations share the cores with the analysis; with these, `--jsonl --workers 2` over the
 * benchmark's 85 articles took 2.48-2.76 s rather than 2.72-3.38 (four runs each, interleaved;
 * one worker gained little, 2.92-3.15 against 2.91-3.49). The other flags here, passed to it
 * one at a time, gained it nothing.
 */
export const OPTIMISE_SOONER: readonly string[] = ['--max-inlined-bytecode-size=230', '--max-inlined-bytecode-size-cumulative=460', '--no-turbo-loop-peeling'];

/**
 * V8 makes every object of a kind in the old generation from the start once enough of that kind
 * have outlived a scavenge. While typing in a long article, each keystroke's patch makes new
 * annotation objects that live exactly until the next keystroke: often long enough to outlive
 * one scavenge, and so, once the code answering keystrokes is optimised on the article itself
 * (warmUp.ts), made in the old generation, which only full collections empty. Over 200
 * keystrokes that was 5-8 full collections against 1-2 with this flag, and over 8 fresh servers
 * each the keystroke p95 went from 15.3 ms (median) to 12.8. The first screen of a cold open
 * was as quick either way (203 against 207 ms over 16 fresh servers each).
 */
const NO_PRETENURING = '--no-allocation-site-pretenuring';

/**
 * The old generation's first collection waits until it holds 64 MB (of which start-up leaves
 * about 25 MB), not V8's limit of about 40 MB set from what start-up kept. With that limit, the
 * room left was less than the young generation (8 MB semi-spaces, above), so V8 began marking
 * the old generation as soon as the first article arrived, and its steps and finishing pause
 * took 20-25 ms of the first screen (--trace-gc: "finalize incremental marking"), to free the
 * start-up's garbage. Now the first screen runs without it: over 12 fresh servers each, cold
 * open 195 -> 177 ms (medians). The cost is that garbage kept a while longer: the peak with the
 * 1 MB article open is 230 MB rather than 222 (six fresh servers each).
 */
const FIRST_OLD_GENERATION_LIMIT = '--initial-old-space-size=64';

export const SERVER_NODE_FLAGS: readonly string[] = [HEAP_GROWTH, YOUNG_GENERATION, FIRST_OLD_GENERATION_LIMIT, REGEXP_AT_ONCE, ...OPTIMISE_SOONER, NO_PRETENURING];

/**
 * The server runs many threads (this one, a pool thread, V8's compiler and collector threads),
 * and glibc's malloc gives threads that allocate at the same time arenas of their own, up to
 * eight a core, each keeping much of what is freed in it for reuse. Held to two arenas, the
 * peak with a 1 MB article open is about 20 MB lower (241 → 221 MB, three fresh servers each),
 * and the analysis as fast. Other C libraries and systems ignore the variable.
 */
export const SERVER_ENV: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: '2' };
