/** Progress for long work: a rewritten line on a TTY, a line every 50,000 items otherwise (stderr). */
export function progressReporter(what: string): (n: number) => void {
  const tty = process.stderr.isTTY;
  let last = 0;
  const started = Date.now();
  return (n: number) => {
    if (!tty && n - last < 50_000) return;
    last = n;
    const rate = Math.round(n / Math.max(0.001, (Date.now() - started) / 1000));
    process.stderr.write(tty ? `\r${what} ${n} (${rate}/s)   ` : `${what} ${n} (${rate}/s)\n`);
  };
}
