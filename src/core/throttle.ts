/**
 * EndpointGate is the one door to an API endpoint: it caps the HTTP requests in flight, and after a throttling answer
 * (Aliyun `Throttling.User`, Huawei 429 `APIGW.0308`) it spaces every call to the rate the endpoint was accepting
 * instead of letting each call back off at random. Every window without a throttling answer raises the rate by a
 * tenth, so a limit that rises is found again; the next throttling answer sets it back to the accepted rate. Two windows
 * without throttling, the last with fewer than half the allowed calls were made opens the gate again (a lone throttling
 * answer does not slow an endpoint for long). An endpoint that accepted nothing in the last window gives no rate to
 * space to: its throttling answers go straight back to the caller's retry policy.
 */
import { realSleep, retryDeadline } from "./retry";

/** ThrottledRetry describes one throttled call the gate sends again itself. */
export interface ThrottledRetry {
  /** 1-based count of throttling answers to this call. */
  readonly attempt: number;
  /** How long until the call's next slot. */
  readonly delayMs: number;
  readonly error: unknown;
}

/** GateHooks are the clock plus a callback for each throttled call the gate sends again (to log it). */
export interface GateHooks {
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly onThrottled?: (info: ThrottledRetry) => void;
}

/** GateOptions tune a gate. */
export interface GateOptions {
  /** Requests in flight at once. @default 32 */
  readonly maxInFlight?: number;
  /** The window the endpoint counts requests in, in milliseconds. @default 1000 */
  readonly windowMs?: number;
  /** Throttling answers to one call the gate retries before the error goes to the caller. @default 4 */
  readonly quickRetries?: number;
  /** The fraction the rate grows by after each window without a throttling answer. @default 0.1 */
  readonly growth?: number;
}

/** EndpointGate gates the calls to one endpoint (see the module comment). Share one per endpoint. */
export class EndpointGate {
  private inFlight = 0;
  private readonly waiting: (() => void)[] = [];
  /** Send times of the calls the endpoint answered without throttling, within about the last window. */
  private accepted: number[] = [];
  /** Calls allowed per window, or undefined while no throttling answer was seen. */
  private perWindow?: number;
  private nextSlot = -Infinity;
  private lastChange = 0;

  constructor(
    private readonly isThrottled: (error: unknown) => boolean,
    private readonly options: GateOptions = {},
  ) {}

  /** rate is the calls per window the gate lets through, or undefined while it is open. */
  get rate(): number | undefined {
    return this.perWindow;
  }

  /** inFlightNow is how many calls are in flight (for tests and figures). */
  get inFlightNow(): number {
    return this.inFlight;
  }

  /** run sends one call through the gate: a seat among `maxInFlight`, then the call's slot once throttled. */
  async run<T>(send: () => Promise<T>, hooks: GateHooks = {}): Promise<T> {
    const now = hooks.now ?? Date.now;
    const sleep = hooks.sleep ?? realSleep;
    const quickRetries = this.options.quickRetries ?? 4;
    await this.seat();
    try {
      for (let throttled = 0; ;) {
        const waitMs = this.reserve(now());
        // A slot past the caller's retry budget is not waited for: the call goes now and its answer ends the budget.
        const deadline = retryDeadline();
        if (waitMs > 0 && (deadline === undefined || now() + waitMs <= deadline)) await sleep(waitMs);
        const sentAt = now();
        try {
          const result = await send();
          this.accept(sentAt, now());
          return result;
        } catch (error) {
          if (!this.isThrottled(error)) {
            // Any other answer passed the endpoint's counter too.
            this.accept(sentAt, now());
            throw error;
          }
          // Without calls accepted in the last window there is no rate to space to: the caller's backoff decides.
          if (!this.throttle(now())) throw error;
          throttled += 1;
          // Past the caller's retry budget the caller reports the error rather than waiting on.
          const deadline = retryDeadline();
          if (throttled > quickRetries || (deadline !== undefined && this.nextSlot > deadline)) throw error;
          hooks.onThrottled?.({ attempt: throttled, delayMs: Math.max(0, this.nextSlot - now()), error });
        }
      }
    } finally {
      this.unseat();
    }
  }

  private async seat(): Promise<void> {
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
      if (now - this.lastChange >= 2 * this.window() && this.accepted.length < this.perWindow / 2) {
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
    this.accepted.push(sentAt);
    if (this.accepted.length > 1000) this.prune(now);
  }

  private prune(now: number): void {
    this.accepted = this.accepted.filter((t) => t > now - this.window());
  }

  /**
   * throttle sets the rate to what the endpoint accepted in the last window, from when its oldest call leaves the
   * window; it returns false (and changes nothing) when the endpoint accepted nothing in the last window.
   */
  private throttle(now: number): boolean {
    this.prune(now);
    if (this.accepted.length === 0) return false;
    this.perWindow = this.accepted.length;
    this.lastChange = now;
    this.nextSlot = Math.max(this.nextSlot, Math.min(...this.accepted) + this.window());
    return true;
  }
}
