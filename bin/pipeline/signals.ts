/**
 * Aborts the returned signal on SIGINT or SIGTERM, so that a long command (a crawl, the schedule
 * runner) ends what it is doing and leaves its work resumable. Each handler runs once: a second
 * signal gets Node's default and stops the process at once. `dispose` removes the handlers.
 */
export function stopOnSignals(onStop?: (sig: NodeJS.Signals) => void): { signal: AbortSignal; dispose(): void } {
  const stop = new AbortController();
  const handler = (sig: NodeJS.Signals) => {
    onStop?.(sig);
    stop.abort(new Error(`stopped by ${sig}`));
  };
  process.once("SIGINT", handler);
  process.once("SIGTERM", handler);
  return {
    signal: stop.signal,
    dispose: () => {
      process.removeListener("SIGINT", handler);
      process.removeListener("SIGTERM", handler);
    },
  };
}
