/**
 * createOnce: the one create path of every resource kind, under the retry loop of the mutation pipeline and on the
 * load balancer's lane. It sends the create; after an answer whose outcome is unknown (the cloud's classification
 * says so) it looks before sending again, and continues with what it finds when that is this create's own. Where the
 * resource allows adoption it looks before the first send and adopts what holds the place. A conflict is resolved by
 * what holds the place: this create's own when an earlier attempt's outcome was unknown (it may have landed late),
 * else, where allowed, adoption. When the retry budget runs out right after an unknown outcome, it looks one last
 * time before failing. A resource kind says only how it sends, where it looks, what is its own and how it adopts
 * (`CreateKind`).
 */
import { log } from "./log";
import type { Lane, MutationPipeline } from "./pipeline";
import { RetryBudgetExceededError } from "./retry";

/**
 * Origin says how a create came to hold its resource: `sent` (the create's own answer), `found` (a look found what an
 * attempt whose answer was lost made) or `adopted` (it was there before and the resource allowed taking it over).
 */
type Origin = "sent" | "found" | "adopted";

/** Created is what the create path ends with: the resource (after the adopt step, when adopted) and its origin. */
export interface Created<T> {
  readonly origin: Origin;
  readonly resource: T;
}

/** CreateKind is all one resource kind tells the create path. */
export interface CreateKind<T> {
  /** subject names the resource in retry lines, e.g. `lb-1:443`. */
  readonly subject: string;
  /** action names the create call in retry lines, e.g. `create listener`. */
  readonly action: string;
  /** send makes the create call once and answers the resource it made. */
  readonly send: () => Promise<T>;
  /** lookUp reads what holds the resource's place now (its port, its domain), or undefined when nothing does. */
  readonly lookUp: () => Promise<T | undefined>;
  /** isOwn tells whether what holds the place is what this create sends (the same settings that identify it). */
  readonly isOwn: (found: T) => boolean;
  /** named names a resource in the line that continues with it, e.g. `listener 3f2c…`. */
  readonly named: (resource: T) => string;
  /**
   * adopt takes over what holds the place (updating what can change in place) and answers it; absent when the
   * resource does not allow adoption (its `adoptExisting` is not set): then nothing is looked for before the first
   * send, and a conflict fails.
   */
  readonly adopt?: (found: T) => Promise<T>;
  /**
   * taken is the error when, after an unknown outcome, another resource holds the place and adoption is not allowed;
   * absent, the create is sent again and the service answers its own conflict.
   */
  readonly taken?: (found: T) => Error;
}

/**
 * createOnce runs a create through the one create path on `lane` (the load balancer's, held by the caller for the
 * whole create) and answers the resource with its origin. Retry lines name `kind.subject` and `kind.action`; the
 * lines that continue with a found resource name the pipeline's resource and `kind.named`.
 */
export async function createOnce<T>(pipeline: MutationPipeline, lane: Lane, kind: CreateKind<T>): Promise<Created<T>> {
  const { classify, outcomeUnknown } = pipeline.classifier;
  const continuing = (when: string, found: T): Created<T> => {
    log.info(`${pipeline.resource}: ${when} attempt created ${kind.named(found)}; continuing with it`);
    return { origin: "found", resource: found };
  };
  // Whether an attempt so far ended without knowing if the create took effect, and whether one was sent at all.
  let uncertain = false;
  let sent = false;
  const held = await pipeline
    .retry(kind.subject, kind.action, async (attempt): Promise<Created<T>> => {
      const look = (): Promise<T | undefined> => pipeline.send(attempt, lane, kind.lookUp);
      // After an unknown outcome what holds the place may be this create's own; where adoption is allowed, what
      // holds it before the first send is taken over without sending.
      if (uncertain || (kind.adopt && !sent)) {
        const found = await look();
        if (found !== undefined) {
          if (uncertain && kind.isOwn(found)) return continuing("an earlier", found);
          if (kind.adopt) return { origin: "adopted", resource: found };
          if (kind.taken) throw kind.taken(found);
        }
      }
      sent = true;
      try {
        return { origin: "sent", resource: await pipeline.send(attempt, lane, kind.send) };
      } catch (error) {
        const earlier = uncertain;
        uncertain = earlier || outcomeUnknown(error);
        if (classify(error) === "conflict" && (earlier || kind.adopt)) {
          // The place is taken: by an earlier attempt that landed after all, or since the look by one this may adopt.
          const found = await look();
          if (found !== undefined && earlier && kind.isOwn(found)) return continuing("an earlier", found);
          if (found !== undefined && kind.adopt) return { origin: "adopted", resource: found };
        }
        throw error;
      }
    })
    .catch(async (error: unknown): Promise<Created<T>> => {
      // The budget ran out right after an attempt whose outcome is unknown: look once more, so what that attempt made
      // is continued with instead of being left behind, unrecorded, to block the place on the next run.
      if (uncertain && error instanceof RetryBudgetExceededError) {
        const found = await kind.lookUp().catch(() => undefined);
        if (found !== undefined && kind.isOwn(found)) return continuing("the last", found);
      }
      throw error;
    });
  if (held.origin === "adopted" && kind.adopt) return { origin: "adopted", resource: await kind.adopt(held.resource) };
  return held;
}
