/**
 * HTTP plumbing both emulators share: reading a body, writing a Reply, the latency and requests-per-second knobs of
 * a router, and serving on 127.0.0.1. The cloud-specific parts (routes, auth, error bodies) stay in each router.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** Reply is what a handler returns; the router writes it (or not, under a fault). */
export interface Reply {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body: string;
}

/** readBody reads a request's whole body. */
export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** writeReply writes a Reply with its content length. */
export function writeReply(res: ServerResponse, reply: Reply): void {
  res.writeHead(reply.status, { "content-length": Buffer.byteLength(reply.body).toString(), ...reply.headers });
  res.end(reply.body);
}

/** TrafficOptions are the knobs a router shapes its traffic with. */
export interface TrafficOptions {
  /** Delay before each answer, in milliseconds. */
  latencyMs: number;
  /** Requests per second before the cloud's throttling error; 0 = no limit. */
  requestsPerSecond: number;
  /** The clock of the one-second window. @default Date.now */
  readonly now?: () => number;
}

/** TrafficShaper is the base of both routers: latency, and a sliding one-second window for throttling. */
export class TrafficShaper<O extends TrafficOptions> {
  private readonly window: number[] = [];
  constructor(protected readonly options: O) {}

  /** setLatency changes the delay before each answer, in milliseconds. */
  setLatency(ms: number): void {
    this.options.latencyMs = ms;
  }

  /** setRequestsPerSecond changes the throttling limit (0 = no limit). */
  setRequestsPerSecond(limit: number): void {
    this.options.requestsPerSecond = limit;
    this.window.length = 0;
  }

  protected now(): number {
    return (this.options.now ?? Date.now)();
  }

  /** throttled counts this request and tells whether it is over the limit of the last second. */
  protected throttled(): boolean {
    const limit = this.options.requestsPerSecond;
    if (limit <= 0) return false;
    const now = this.now();
    while (this.window.length > 0 && this.window[0] <= now - 1000) this.window.shift();
    if (this.window.length >= limit) return true;
    this.window.push(now);
    return false;
  }

  /** delay waits the configured latency. */
  protected async delay(): Promise<void> {
    if (this.options.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.options.latencyMs));
  }
}

/** Listening is a server bound on 127.0.0.1. */
interface Listening {
  readonly endpoint: string;
  close(): Promise<void>;
}

/** listenLoopback serves `handle` on 127.0.0.1 (port 0 picks a free one); a handler that throws drops the socket. */
export async function listenLoopback(
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
  port = 0,
): Promise<Listening> {
  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
