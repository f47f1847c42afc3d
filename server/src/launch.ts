// How the server's Node process is started. Every editor should start it the same way: the
// VS Code client (client/src/client.ts) passes these flags, so do the protocol tests and the
// benchmark (test/protocol/lspClient.ts), and the README gives them for other editors.

/**
 * The old generation of each thread's heap grows by a fifth between full collections, not by
 * up to fourfold as V8 lets a short, busy script do. A long article keeps two threads busy
 * (this one and a pool thread), and with a 1 MB article open that growth left the server
 * holding about 320 MB, most of it garbage not yet collected. With the pool thread's young
 * generation kept small too (server.ts), the peak is about 240 MB, for a whole-article analysis
 * less than a tenth slower (README, Performance). This thread's own young generation is left
 * as it is: made smaller, it slows the first screen of a long article by a sixth.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--heap-growing-percent=20'];
