/**
 * KeyedMutex serializes async work per key (a load balancer id) inside one process, so many listeners on one load
 * balancer queue instead of racing into the cloud's configuration lock.
 */
export class KeyedMutex {
  private readonly tails = new Map<string, Promise<void>>();

  /** run waits for earlier work on `key`, then runs `fn`; work on other keys is not delayed. */
  async run<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const current = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => current);
    this.tails.set(key, tail);
    try {
      await previous;
      return await fn();
    } finally {
      release();
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }

  /** pending tells how many keys have work queued or running. */
  get size(): number {
    return this.tails.size;
  }
}
