/**
 * EndpointGate is the one door to an API endpoint: it caps the HTTP requests in flight, and after a throttling answer
 * (Aliyun `Throttling.User`, Huawei 429 `APIGW.0308`) it spaces every call to the rate the endpoint was accepting
 * instead of letting each call back off at random. Every window without a throttling answer raises the rate by a
 * tenth, so a limit that rises is found again; the next throttling answer sets it back to the accepted rate. Two windows
 * without throttling, the last with fewer than half the allowed calls were made opens the gate again (a lone throttling
 * answer does not slow an endpoint for long). An endpoint that accepted nothing in the last window gives no rate to
 * space to: its throttling answers get no suggestion, and the one retry loop backs off. The gate never sends and never
 * loops: the mutation pipeline takes a seat, waits for the slot, sends, and reports the answer.
 */

/** GateOptions tune a gate. */
export interface GateOptions {
  /** Requests in flight at once. @default 32 */
  readonly maxInFlight?: number;
  /** The window the endpoint counts requests in, in milliseconds. @default 1000 */
  readonly windowMs?: number;
  /** The fraction the rate grows by after each window without a throttling answer. @default 0.1 */
  readonly growth?: number;
}

/** EndpointGate gates the calls to one endpoint (see the module comment). Share one per endpoint. */
export class EndpointGate {
  private inFlight = 0;
  private readonly waiting: (() => void)[] = [];
  /** Send times of the calls the endpoint answered without throttling, within about the last window. */
  private sends: number[] = [];
  /** Calls allowed per window, or undefined while no throttling answer was seen. */
  private perWindow?: number;
  private nextSlot = -Infinity;
  private lastChange = 0;

  constructor(private readonly options: GateOptions = {}) {}

  /** rate is the calls per window the gate lets through, or undefined while it is open. */
  get rate(): number | undefined {
    return this.perWindow;
  }

  /** inFlightNow is how many calls are in flight (for tests and figures). */
  get inFlightNow(): number {
    return this.inFlight;
  }

  /** seat waits for a seat among `maxInFlight` and returns the function that gives it back. */
  async seat(): Promise<() => void> {
    await this.takeSeat();
    let given = false;
    return () => {
      if (given) return;
      given = true;
      this.unseat();
    };
  }

  /** slotMs takes the call's next slot and returns how long until it; 0 while the gate is open. */
  slotMs(now: number): number {
    return this.reserve(now);
  }

  /** accepted records a call sent at `sentAt` that passed the endpoint's counter (any answer but throttling). */
  accepted(sentAt: number, now: number): void {
    this.accept(sentAt, now);
  }

  /**
   * throttled records a throttling answer, reserves the call's next slot and returns how long until it (the delay it
   * suggests; the call's next attempt holds that slot and takes no other), or undefined when the endpoint accepted
   * nothing in the last window (no rate to space to: back off instead).
   */
  throttled(now: number): number | undefined {
    if (!this.throttle(now)) return undefined;
    return this.reserve(now);
  }

  private async takeSeat(): Promise<void> {
    if (this.inFlight < (this.options.maxInFlight ?? 32)) {
      this.inFlight += 1;
      return;
    }
    // The seat is handed over by unseat, so inFlight stays counted.
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private unseat(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.inFlight -= 1;
  }

  private window(): number {
    return this.options.windowMs ?? 1000;
  }

  /** reserve takes the next slot and returns how long until it; 0 while the gate is open. */
  private reserve(now: number): number {
    if (this.perWindow === undefined) return 0;
    if (now < this.lastChange) {
      // The clock went back (a test's fake clock): what was learnt is in the wrong time frame.
      this.perWindow = undefined;
      this.nextSlot = -Infinity;
      return 0;
    }
    const growth = this.options.growth ?? 0.1;
    if (now - this.lastChange >= this.window()) {
      this.prune(now);
      if (now - this.lastChange >= 2 * this.window() && this.sends.length < this.perWindow / 2) {
        // A window without throttling at under half the rate: demand is well below the limit, so the gate opens.
        this.perWindow = undefined;
        return 0;
      }
      if (growth > 0) this.perWindow += Math.max(1, this.perWindow * growth);
      this.lastChange = now;
    }
    const slot = Math.max(now, this.nextSlot);
    this.nextSlot = slot + this.window() / this.perWindow;
    return slot - now;
  }

  private accept(sentAt: number, now: number): void {
    this.sends.push(sentAt);
    if (this.sends.length > 1000) this.prune(now);
  }

  private prune(now: number): void {
    this.sends = this.sends.filter((t) => t > now - this.window());
  }

  /**
   * throttle sets the rate to what the endpoint accepted in the last window, from when its oldest call leaves the
   * window; it returns false (and changes nothing) when the endpoint accepted nothing in the last window.
   */
  private throttle(now: number): boolean {
    this.prune(now);
    if (this.sends.length === 0) return false;
    this.perWindow = this.sends.length;
    this.lastChange = now;
    this.nextSlot = Math.max(this.nextSlot, Math.min(...this.sends) + this.window());
    return true;
  }
}
