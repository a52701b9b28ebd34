/**
 * Reliability of the DomainExtension provider against the emulator with the lock on: every fault kind on every call
 * of every lifecycle step ends with exactly the extensions that should exist.
 */
import type { AliyunEmulator } from "../../emulator/aliyun";
import type { FaultKind } from "../../emulator/faults";
import { HttpsListenerProvider } from "../provider";
import {
  checked as checkedListener,
  emulatorEnv,
  faultOptions,
  ownEmulator,
  QUIET_LOGGER,
  SERVICE_FAULTS,
  useLogger,
} from "../testing";
import type { DomainExtensionOutputs } from "./provider";
import { DomainExtensionProvider } from "./provider";
import type { DomainExtensionInputs } from "./schema";

let emulator: AliyunEmulator;
useLogger(QUIET_LOGGER);

/** provider makes the provider with the fault specs' options (see faultOptions). */
function provider(): DomainExtensionProvider {
  return new DomainExtensionProvider(faultOptions(emulator));
}

/** FAULTS are the listeners' fault kinds plus the extension's own busy answer; each kind has its own emulator. */
const FAULTS: readonly { kind: FaultKind; code?: string }[] = [
  ...SERVICE_FAULTS,
  { kind: "error", code: "DomainExtensionProcessing" },
];

/** A fresh load balancer with one HTTPS listener on 443 per case, so "exactly these extensions" is easy to state. */
async function freshListener(): Promise<string> {
  const lb = emulator.state.createLoadBalancer({ regionId: emulator.seed.regionId }).id;
  const lp = new HttpsListenerProvider({ env: emulatorEnv(emulator), retry: faultOptions(emulator).retry });
  await lp.create(
    await checkedListener(lp, {
      loadBalancerId: lb,
      listenerPort: 443,
      bandwidth: -1,
      healthCheck: "off",
      serverCertificateId: emulator.seed.serverCertificateId,
      stickySession: "off",
      backendServerPort: 80,
    }),
  );
  emulator.state.settle();
  return lb;
}

function extensionOn(lb: string, domain = "www.example.com"): DomainExtensionInputs {
  return { loadBalancerId: lb, listenerPort: 443, domain, serverCertificateId: emulator.seed.serverCertificateId };
}

function extensionsOf(lb: string): string[] {
  const listener = emulator.state.describeListener(emulator.seed.regionId, lb, 443);
  return [...(listener.domainExtensions?.values() ?? [])].map((e) => `${e.id} ${e.domain}=${e.serverCertificateId}`);
}

async function created(p: DomainExtensionProvider, lb: string): Promise<{ id: string; outs: DomainExtensionOutputs }> {
  const inputs = (await p.check(extensionOn(lb), extensionOn(lb))).inputs as DomainExtensionInputs;
  const r = await p.create(inputs);
  emulator.state.settle();
  return { id: r.id, outs: r.outs as DomainExtensionOutputs };
}

describe.each(FAULTS)("under a $kind $code fault", ({ kind, code }) => {
  ownEmulator((e) => (emulator = e));
  const fault = (target: string) => ({ target, kind, code, first: 2, stallMs: 1000 });

  it("create survives it on CreateDomainExtension and leaves exactly one extension", async () => {
    const p = provider();
    const lb = await freshListener();
    emulator.faults.add(fault("CreateDomainExtension"));
    const r = await created(p, lb);
    expect(extensionsOf(lb)).toEqual([`${r.id} www.example.com=${emulator.seed.serverCertificateId}`]);
  });

  it("create survives it on the DescribeDomainExtensions look-up after a lost answer", async () => {
    const p = provider();
    const lb = await freshListener();
    emulator.faults.add({ target: "CreateDomainExtension", kind: "drop-response", first: 1 });
    emulator.faults.add(fault("DescribeDomainExtensions"));
    const r = await created(p, lb);
    expect(extensionsOf(lb)).toEqual([`${r.id} www.example.com=${emulator.seed.serverCertificateId}`]);
  });

  it("update survives it and applies the certificate once", async () => {
    const p = provider();
    const lb = await freshListener();
    const c = await created(p, lb);
    emulator.faults.add(fault("SetDomainExtensionAttribute"));
    const rotated = emulator.seed.serverCertificateIds[1];
    await p.update(c.id, c.outs, { ...c.outs, serverCertificateId: rotated });
    expect(extensionsOf(lb)).toEqual([`${c.id} www.example.com=${rotated}`]);
  });

  it("read survives it and returns the extension", async () => {
    const p = provider();
    const lb = await freshListener();
    const c = await created(p, lb);
    emulator.faults.add(fault("DescribeDomainExtensionAttribute"));
    expect((await p.read(c.id, c.outs)).id).toBe(c.id);
  });

  it("delete survives it and leaves no extension", async () => {
    const p = provider();
    const lb = await freshListener();
    const c = await created(p, lb);
    emulator.faults.add(fault("DeleteDomainExtension"));
    await p.delete(c.id, c.outs);
    expect(extensionsOf(lb)).toEqual([]);
  });
});
