/**
 * The mutation pipeline: the one composition of the per-load-balancer lock (KeyedMutex), the lock pacer (LockPacer),
 * the endpoint gate (EndpointGate) and the retry loop (withRetry), shared by every resource of every cloud. A
 * provider says what to call and how its cloud classifies errors; the pipeline decides when to send, when to retry
 * and how a retry is logged (one format, `retryLine`). The retry budget's deadline is passed to each send as a
 * parameter (`Attempt.deadline`), so the gate never waits for a slot past it.
 */
import type { ErrorBehaviour } from "./errors";
import { codeAndStatus, isApiError } from "./errors";
import { log } from "./log";
import { KeyedMutex } from "./mutex";
import type { PaceSession } from "./pacing";
import { LockPacer } from "./pacing";
import type { Attempt, RetryInfo, RetryOptions, Suggestion } from "./retry";
import { realSleep, withRetry } from "./retry";
import type { GateOptions } from "./throttle";
import { EndpointGate } from "./throttle";

/** Classifier is what a cloud's `errors.ts` tells the pipeline about an error. */
export interface Classifier {
  /** classify maps an error to what the provider does with it (retry, gone, conflict, fatal). */
  readonly classify: (error: unknown) => ErrorBehaviour;
  /** isLoadBalancerBusy tells whether an error is the load balancer's configuration lock (the pacer learns from it). */
  readonly isLoadBalancerBusy: (error: unknown) => boolean;
  /** isThrottled tells whether an error is the endpoint's flow control (the gate spaces calls by it). */
  readonly isThrottled: (error: unknown) => boolean;
  /**
   * outcomeUnknown tells whether a failed call may still have taken effect: `core/errors`' one `outcomeUnknown` over
   * the cloud's codes of an exchange without a usable answer.
   */
  readonly outcomeUnknown: (error: unknown) => boolean;
}

/** PipelineOptions are the one options shape of the pipeline: retry budget, backoff and clock, pacer and gate tuning. */
export interface PipelineOptions extends RetryOptions {
  /** How many suggested delays of each source are taken in a row before a backoff delay. @default lock 8, throttle 4 */
  readonly quickRetries?: Partial<Record<Suggestion["source"], number>>;
  /** Tuning of the endpoint gates this pipeline creates. */
  readonly gate?: GateOptions;
}

/** Lane is where a send goes: the endpoint's gate, and for a mutation the load balancer's pacing session. */
export interface Lane {
  readonly gate: EndpointGate;
  readonly pace?: PaceSession;
}

/** LoadBalancerTarget names a load balancer: the endpoint (whose locks behave alike) and its id there. */
export interface LoadBalancerTarget {
  /** The endpoint, prefixed by the cloud (e.g. `aliyun|https://slb.aliyuncs.com`); one gate and pacing scope each. */
  readonly endpoint: string;
  /** The load balancer, unique within the endpoint (a project id may be part of it). */
  readonly loadBalancer: string;
}

/**
 * LOCKS serializes mutations per load balancer across every provider instance of this process. The provider host
 * loads every kind's full provider with this one compiled module (scripts/bundleHost.mjs shares core), so a listener
 * and a domain extension on one load balancer queue on this one table.
 */
const LOCKS = new KeyedMutex();

/**
 * PACER learns per endpoint, refined per load balancer, how long a load balancer stays locked after a mutation, so a
 * queued mutation is sent just after the lock ends. One per process, like the locks.
 */
const PACER = new LockPacer();

/**
 * retryLine is the one log format of a retry:
 * `<resource> <subject>: <action> answered <code> (HTTP <status>); retry <n> in <ms> ms (<source>)`, where source
 * is `backoff`, `lock` (the pacer's next learnt send time) or `throttle` (the gate's next slot). An error that is not
 * an API answer reads `<action> failed (<error name>)`.
 */
function retryLine(resource: string, subject: string, action: string, info: RetryInfo): string {
  const { error } = info;
  const what = isApiError(error)
    ? `${error.action} answered ${codeAndStatus(error)}`
    : `${action} failed (${error instanceof Error ? error.name : typeof error})`;
  return `${resource} ${subject}: ${what}; retry ${info.attempt} in ${Math.round(info.delayMs)} ms (${info.source})`;
}

/**
 * MutationPipeline composes lock, pacing, gate and retry for one provider instance. Locks and the pacer are
 * process-wide; the gates (one per endpoint) belong to the instance, whose options (clock included) they use.
 */
export class MutationPipeline {
  readonly #gates = new Map<string, EndpointGate>();

  /**
   * `resource` names the resource in log lines; `classifier` is its cloud's classification, which the create path
   * (`core/createOnce`) reads too.
   */
  constructor(
    readonly resource: string,
    readonly classifier: Classifier,
    private readonly options: () => PipelineOptions,
    private readonly pacer: LockPacer = PACER,
  ) {}

  /** gate is the endpoint's gate: at most 32 requests in flight, spaced to the accepted rate once throttled. */
  gate(endpoint: string): EndpointGate {
    let gate = this.#gates.get(endpoint);
    if (!gate) {
      gate = new EndpointGate(this.options().gate);
      this.#gates.set(endpoint, gate);
    }
    return gate;
  }

  /** reads is the lane of calls that change nothing: the endpoint's gate, no pacing. */
  reads(endpoint: string): Lane {
    return { gate: this.gate(endpoint) };
  }

  /**
   * exclusive runs the work of one mutation of a load balancer under its process-wide lock and a pacing session; the
   * work sends its mutations on the lane it is given.
   */
  exclusive<T>(target: LoadBalancerTarget, work: (lane: Lane) => Promise<T>): Promise<T> {
    const now = this.options().now ?? Date.now;
    const key = `${target.endpoint}\n${target.loadBalancer}`;
    return LOCKS.run(key, () =>
      this.pacer.session({ scope: target.endpoint, key: target.loadBalancer }, now, (pace) =>
        work({ gate: this.gate(target.endpoint), pace }),
      ),
    );
  }

  /**
   * retry runs `op` in the one retry loop with this provider's options, taking the delays the pacer and the gate
   * suggested, and logs each retry in the one format (`retryLine`) for `subject` (a resource id or what is being done).
   */
  retry<T>(subject: string, action: string, op: (attempt: Attempt) => Promise<T>): Promise<T> {
    const options = this.options();
    return withRetry(op, {
      ...options,
      classify: this.classifier.classify,
      onRetry: (info) => log.info(retryLine(this.resource, subject, action, info)),
    });
  }

  /**
   * send makes one request on a lane within an attempt: it waits for the pacer's learnt send time (mutations), takes
   * a seat at the gate and the call's slot (not past the attempt's deadline), sends, and tells the pacer and the gate
   * how it was answered. A busy or throttled answer is rethrown with the delay its component suggests.
   */
  async send<T>(attempt: Attempt, lane: Lane, request: () => Promise<T>): Promise<T> {
    const options = this.options();
    const now = options.now ?? Date.now;
    const sleep = options.sleep ?? realSleep;
    if (lane.pace) {
      const waitMs = await lane.pace.waitMs();
      if (waitMs > 0) await sleep(waitMs);
    }
    const release = await lane.gate.seat();
    try {
      // After a throttling answer the gate reserved this call's slot, and the loop waited for it.
      const slotMs = attempt.after === "throttle" ? 0 : lane.gate.slotMs(now());
      // A slot past the budget is not waited for: the call goes now and its answer ends the budget.
      if (slotMs > 0 && now() + slotMs <= attempt.deadline) await sleep(slotMs);
      const sentAt = now();
      try {
        const result = await request();
        lane.gate.accepted(sentAt, now());
        lane.pace?.through();
        return result;
      } catch (error) {
        const suggestion = this.answered(lane, sentAt, now(), error);
        if (suggestion) attempt.suggest(suggestion);
        throw error;
      }
    } finally {
      release();
    }
  }

  /** call is `retry` of one `send`: one request, retried as its answers allow. */
  call<T>(subject: string, action: string, lane: Lane, request: () => Promise<T>): Promise<T> {
    return this.retry(subject, action, (attempt) => this.send(attempt, lane, request));
  }

  /** mutate is one mutating request under the load balancer's lock, pacing, gate and retry. */
  mutate<T>(subject: string, action: string, target: LoadBalancerTarget, request: () => Promise<T>): Promise<T> {
    return this.exclusive(target, (lane) => this.call(subject, action, lane, request));
  }

  /** answered tells the gate and the pacer of an error answer, and returns the delay the one that knows it suggests. */
  private answered(lane: Lane, sentAt: number, now: number, error: unknown): Suggestion | undefined {
    if (this.classifier.isThrottled(error)) {
      const delayMs = lane.gate.throttled(now);
      return delayMs === undefined ? undefined : { source: "throttle", delayMs };
    }
    // Any answer but throttling passed the endpoint's counter.
    lane.gate.accepted(sentAt, now);
    if (!lane.pace || !this.classifier.isLoadBalancerBusy(error)) return undefined;
    const delayMs = lane.pace.busy(sentAt);
    return delayMs === undefined ? undefined : { source: "lock", delayMs };
  }
}
