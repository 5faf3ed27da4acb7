// A one-line progress bar on stderr, only on a terminal, only for runs longer than a moment.
export class Progress {
  private shownAt = 0;
  private drawn = false;
  private readonly started = Date.now();

  constructor(
    private readonly stream: NodeJS.WritableStream & { columns?: number },
    private readonly enabled: boolean,
    /** Nothing is drawn before this many ms: short runs print no bar at all. */
    private readonly delay = 400,
  ) {}

  update(done: number, total: number): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.started < this.delay || (now - this.shownAt < 80 && done < total)) return;
    this.shownAt = now;
    const width = Math.max(10, Math.min(40, (this.stream.columns ?? 80) - 30));
    const filled = Math.round((done / Math.max(1, total)) * width);
    this.stream.write(`\r[${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total} files`);
    this.drawn = true;
  }

  clear(): void {
    if (this.drawn) this.stream.write("\r\x1b[2K");
    this.drawn = false;
  }
}
