/**
 * The steps of `create` that take more than one call, each under the load balancer's lane of the mutation pipeline:
 * what the one create path (`core/createOnce`) needs to POST exactly once (its look, its match, its adopt step), wait
 * through PENDING_CREATE, and delete a listener that failed so nothing is left behind.
 * Ref: ../shared/api-docs/huawei-elb-v1-add-listener.md ("Adding a Listener": status PENDING_CREATE, ACTIVE, ERROR).
 */
import type { CreateKind } from "../core/createOnce";
import { codeAndStatus, isApiError, ListenerError } from "../core/errors";
import { log } from "../core/log";
import type { Lane, MutationPipeline } from "../core/pipeline";
import { realSleep } from "../core/retry";
import type { ElbApi } from "./client";
import { LISTENER_STATUS } from "./constants";
import { classify } from "./errors";
import { changedUpdatable, INPUT_NAMES, REPLACE_ON_CHANGE, sameValue, type ElbListenerInputs } from "./schema";
import { fromWire, toWireBody, type WireListener } from "./wire";

/** CreateSteps is what each step works with: the pipeline, the target's client and the load balancer's lane. */
export interface CreateSteps {
  readonly pipeline: MutationPipeline;
  readonly api: ElbApi;
  /** The lane of the load balancer's lock, held for the whole create. */
  readonly lane: Lane;
  /** The endpoint's lane for reads. */
  readonly reads: Lane;
}

/** SettleClock is how settle waits: its sleep, clock, poll interval and the retry budget it may spend. */
interface SettleClock {
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => number;
  /** @default 1000 */
  readonly pollIntervalMs?: number;
  readonly budgetMs: number;
}

function describeError(error: unknown): string {
  if (isApiError(error)) return codeAndStatus(error);
  return error instanceof Error ? error.name : "error";
}

/**
 * creating is what an ElbListener create tells the one create path (`core/createOnce`): it POSTs the listener; it
 * looks by listing the load balancer's listeners, where the one on the same port and protocol is this create's own
 * when its name is the one sent; with `adoptExisting` it adopts that listener (`adopt`). Another listener on the port
 * without `adoptExisting` is left to the service's own conflict (ELB.6101).
 */
export function creating(steps: CreateSteps, inputs: ElbListenerInputs): CreateKind<WireListener> {
  const { api } = steps;
  const body = toWireBody(inputs, INPUT_NAMES);
  return {
    subject: `${inputs.loadbalancerId}:${inputs.port}`,
    action: "create listener",
    send: () => api.createListener(body),
    lookUp: async () =>
      (await api.listListeners(inputs.loadbalancerId)).find(
        (l) => l.port === inputs.port && l.protocol === inputs.protocol,
      ),
    isOwn: (l) => l.port === inputs.port && l.protocol === inputs.protocol && l.name === inputs.name,
    named: (l) => `listener ${l.id}`,
    adopt: inputs.adoptExisting ? (existing) => adopt(steps, existing, inputs) : undefined,
  };
}

/** warnIfTaken logs, for a create that failed on a taken port, how to manage the listener already on it. */
export function warnIfTaken(error: unknown, inputs: ElbListenerInputs): void {
  if (classify(error) !== "conflict" || inputs.adoptExisting) return;
  log.warn(
    `huawei:ElbListener: port ${inputs.port} of load balancer ${inputs.loadbalancerId} is taken; ` +
      `set adoptExisting: true to manage an existing ${inputs.protocol} listener on it`,
  );
}

/** settle polls a PENDING_CREATE listener until ACTIVE; ERROR (or no end in the budget) deletes it and fails. */
export async function settle(steps: CreateSteps, created: WireListener, clock: SettleClock): Promise<WireListener> {
  const { pipeline, api, reads } = steps;
  const sleep = clock.sleep ?? realSleep;
  const now = clock.now ?? Date.now;
  const deadline = now() + clock.budgetMs;
  let listener = created;
  while (listener.status === LISTENER_STATUS.pendingCreate) {
    if (now() > deadline) {
      await removeFailed(steps, listener);
      throw new ListenerError(
        `Huawei Cloud ELB listener ${listener.id} stayed ${LISTENER_STATUS.pendingCreate} past the retry budget; ` +
          `it was deleted so nothing is left behind`,
      );
    }
    await sleep(clock.pollIntervalMs ?? 1000);
    listener = await pipeline.call(created.id, "read new listener", reads, () => api.getListener(created.id));
  }
  if (listener.status === LISTENER_STATUS.error) {
    await removeFailed(steps, listener);
    throw new ListenerError(
      `Huawei Cloud ELB listener ${listener.id} on load balancer ${listener.loadbalancer_id ?? "?"} ended in status ` +
        `${LISTENER_STATUS.error}; it was deleted so nothing is left behind`,
    );
  }
  return listener;
}

/** removeFailed deletes a listener that failed to come up; one already gone is fine, any other failure says so. */
async function removeFailed(steps: CreateSteps, listener: WireListener): Promise<void> {
  const { pipeline, api, lane } = steps;
  try {
    await pipeline.call(listener.id, "delete failed listener", lane, () => api.deleteListener(listener.id));
  } catch (error) {
    if (classify(error) !== "gone") {
      throw new ListenerError(
        `Huawei Cloud ELB listener ${listener.id} failed and could not be deleted (${describeError(error)}); ` +
          `delete it by hand`,
      );
    }
  }
}

/** adopt takes over an existing listener on the same port and protocol, updating what can be changed in place. */
async function adopt(steps: CreateSteps, existing: WireListener, inputs: ElbListenerInputs): Promise<WireListener> {
  const { pipeline, api, lane } = steps;
  const live = fromWire(existing);
  const fixed = [...REPLACE_ON_CHANGE].filter(
    (k) => k !== "region" && k !== "projectId" && inputs[k] !== undefined && !sameValue(inputs[k], live[k]),
  );
  if (fixed.length > 0) {
    throw new ListenerError(
      `Huawei Cloud ELB listener ${existing.id} on port ${existing.port} cannot be adopted: ${fixed.join(", ")} ` +
        `differ and cannot be changed in place`,
    );
  }
  log.info(`huawei:ElbListener: adopting existing listener ${existing.id} on port ${existing.port}`);
  const changed = changedUpdatable(inputs, live);
  if (changed.length === 0) return existing;
  const body = toWireBody(inputs, changed);
  return pipeline.call(existing.id, "update adopted listener", lane, () => api.updateListener(existing.id, body));
}
