/**
 * The emulators' fault plan: for a chosen action (Aliyun) or route (Huawei), answer the first N calls, or a seeded
 * fraction of calls, with an error, a reset connection, a stall past the client's timeout, an HTML 502 page from a
 * "proxy", or apply the request and then drop the response. Shared by both emulators; each renders its own errors.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { seeded } from "./random";
import { writeReply, type Reply } from "./http";

/** FaultKind is what a fault does to one call. */
export type FaultKind = "error" | "reset" | "stall" | "html502" | "drop-response";

/** FAULT_KINDS lists every fault kind, for flag parsing and tests. */
export const FAULT_KINDS: readonly FaultKind[] = ["error", "reset", "stall", "html502", "drop-response"];

/** FaultRule selects calls and says what happens to them. */
export interface FaultRule {
  /** Aliyun: an Action name; Huawei: a route such as `POST /listeners` or `GET /listeners/{id}`; `*` matches all. */
  readonly target: string;
  readonly kind: FaultKind;
  /** Error code for kind `error`, e.g. `Throttling.User` or `ELB.1012`. */
  readonly code?: string;
  /** HTTP status for kind `error`. */
  readonly status?: number;
  /** Error message for kind `error`; the emulator's own message for the code when absent. */
  readonly message?: string;
  /** Fault only the first N matching calls. */
  readonly first?: number;
  /** Fault this fraction (0 to 1) of matching calls, chosen by a generator seeded with `seed`. */
  readonly fraction?: number;
  /** Seed of the fraction's generator. @default 1 */
  readonly seed?: number;
  /** For `stall`: milliseconds before the socket is destroyed without an answer. @default 60000 */
  readonly stallMs?: number;
}

interface ActiveRule {
  readonly rule: FaultRule;
  matched: number;
  readonly random: () => number;
}

/** FaultPlan holds the active rules and decides, call by call, which fault (if any) applies. */
export class FaultPlan {
  private rules: ActiveRule[] = [];

  constructor(rules: readonly FaultRule[] = []) {
    for (const rule of rules) this.add(rule);
  }

  /** add activates a rule; rules are tried in the order they were added. */
  add(rule: FaultRule): void {
    this.rules.push({ rule, matched: 0, random: seeded(rule.seed ?? 1) });
  }

  /** clear removes every rule. */
  clear(): void {
    this.rules = [];
  }

  /** next counts this call of `target` against every matching rule and returns the first fault that fires. */
  next(target: string): FaultRule | undefined {
    let fired: FaultRule | undefined;
    for (const active of this.rules) {
      const { rule } = active;
      if (rule.target !== "*" && rule.target !== target) continue;
      active.matched += 1;
      let fires: boolean;
      if (rule.first !== undefined) fires = active.matched <= rule.first;
      else if (rule.fraction !== undefined) fires = active.random() < rule.fraction;
      else fires = true;
      if (fires && fired === undefined) fired = rule;
    }
    return fired;
  }
}

/**
 * parseFaultFlag reads the CLI form `<target>:<kind>[:code[:status]][@first=N|@fraction=F,seed=S][,stallMs=M]`,
 * e.g. `StartLoadBalancerListener:error:ServiceIsConfiguring:400@first=2` or `POST /listeners:drop-response@first=1`.
 */
export function parseFaultFlag(text: string): FaultRule {
  const [spec, options = ""] = text.split("@", 2);
  const parts = spec.split(":");
  const kindIndex = parts.findIndex((p) => (FAULT_KINDS as readonly string[]).includes(p));
  if (kindIndex < 1) {
    throw new Error(`--fault "${text}": expected <target>:<kind>, kind one of ${FAULT_KINDS.join(", ")}`);
  }
  const target = parts.slice(0, kindIndex).join(":");
  const kind = parts[kindIndex] as FaultKind;
  const code = parts[kindIndex + 1] || undefined;
  const statusText = parts[kindIndex + 2];
  const status = statusText ? Number(statusText) : undefined;
  if (status !== undefined && !(Number.isInteger(status) && status >= 100 && status <= 599)) {
    throw new Error(`--fault "${text}": status must be an HTTP status from 100 to 599, got ${statusText}`);
  }
  const rule: { -readonly [K in keyof FaultRule]: FaultRule[K] } = { target, kind, code, status };
  for (const option of options.split(",").filter(Boolean)) {
    const [name, value] = option.split("=", 2);
    const n = Number(value);
    if (!Number.isFinite(n)) throw new Error(`--fault "${text}": ${name} must be a number, got ${value}`);
    if (name === "first") rule.first = n;
    else if (name === "fraction") rule.fraction = n;
    else if (name === "seed") rule.seed = n;
    else if (name === "stallMs") rule.stallMs = n;
    else throw new Error(`--fault "${text}": unknown option ${name} (first, fraction, seed, stallMs)`);
  }
  return rule;
}

const HTML_502 =
  "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n" +
  "<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

/**
 * sendWithFault answers one call under a fault (or none): `error` renders the cloud's error, `reset` destroys the
 * socket, `stall` waits then destroys it, `html502` answers a proxy's HTML page, `drop-response` applies the request
 * (runs the handler, so state changes) and then destroys the socket; without a fault it runs the handler and writes.
 */
export async function sendWithFault(
  rule: FaultRule | undefined,
  req: IncomingMessage,
  res: ServerResponse,
  run: () => Promise<Reply>,
  renderError: (rule: FaultRule) => Reply,
): Promise<void> {
  switch (rule?.kind) {
    case undefined:
      writeReply(res, await run());
      return;
    case "error":
      writeReply(res, renderError(rule));
      return;
    case "reset":
      req.socket.destroy();
      return;
    case "stall": {
      const timer = setTimeout(() => req.socket.destroy(), rule.stallMs ?? 60_000);
      req.socket.once("close", () => clearTimeout(timer));
      return;
    }
    case "html502":
      writeReply(res, { status: 502, headers: { "content-type": "text/html" }, body: HTML_502 });
      return;
    case "drop-response":
      await run();
      req.socket.destroy();
      return;
  }
}
