/**
 * Runs at most `limit` tasks at once; the others wait their turn in order. For work whose memory
 * grows with the input (a 5000x5000 image needs a few hundred MB while being watermarked), so that a
 * burst of requests queues instead of exhausting the server's memory.
 *
 * @example const renders = new ConcurrencyLimit(2); await renders.run(() => render(image));
 */
export class ConcurrencyLimit {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly limit: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    try {
      return await task();
    } finally {
      // Hand the slot straight to the next waiter, or free it.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
