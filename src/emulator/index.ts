/**
 * The emulators' entry point (`pulumi-lb-listeners/emulator`): start one or both cloud emulators in process, e.g. for
 * tests or the demo, and read the ready line the `lb-emulator` bin prints.
 */
import type { AliyunEmulator, AliyunEmulatorOptions } from "./aliyun";
import { startAliyunEmulator } from "./aliyun";
import type { HuaweiEmulator, HuaweiEmulatorOptions } from "./huawei";
import { startHuaweiEmulator } from "./huawei";

export type { AliyunEmulator, AliyunEmulatorOptions, AliyunSeed } from "./aliyun";
export { startAliyunEmulator, DEFAULT_ACCESS_KEY_ID, DEFAULT_ACCESS_KEY_SECRET, DEFAULT_REGION } from "./aliyun";
export type { HuaweiEmulator, HuaweiEmulatorOptions, HuaweiSeed } from "./huawei";
export {
  startHuaweiEmulator,
  DEFAULT_HUAWEI_ACCESS_KEY,
  DEFAULT_HUAWEI_SECRET_KEY,
  DEFAULT_HUAWEI_PROJECT_ID,
  DEFAULT_HUAWEI_REGION,
} from "./huawei";
export type { FaultKind, FaultRule } from "./faults";
export type { Reply } from "./http";
export { FaultPlan, parseFaultFlag, FAULT_KINDS } from "./faults";

/** EmulatorsOptions say which emulators to start and how; an absent member is not started. */
export interface EmulatorsOptions {
  readonly aliyun?: AliyunEmulatorOptions;
  readonly huawei?: HuaweiEmulatorOptions;
}

/** Emulators are the running emulators. */
export interface Emulators {
  readonly aliyun?: AliyunEmulator;
  readonly huawei?: HuaweiEmulator;
  /** ready is the JSON the CLI prints once everything listens: one member per running emulator. */
  ready(): Record<string, unknown>;
  close(): Promise<void>;
}

/** startEmulators starts the requested emulators; if one fails to start, those already started are closed. */
export async function startEmulators(options: EmulatorsOptions): Promise<Emulators> {
  const started: { close(): Promise<void> }[] = [];
  try {
    const aliyun = options.aliyun ? await startAliyunEmulator(options.aliyun) : undefined;
    if (aliyun) started.push(aliyun);
    const huawei = options.huawei ? await startHuaweiEmulator(options.huawei) : undefined;
    if (huawei) started.push(huawei);
    return {
      aliyun,
      huawei,
      ready: () => ({
        ...(aliyun ? { aliyun: { endpoint: aliyun.endpoint, ...aliyun.seed } } : {}),
        ...(huawei ? { huawei: { endpoint: huawei.endpoint, ...huawei.seed } } : {}),
      }),
      close: async () => {
        await Promise.all(started.map((e) => e.close()));
      },
    };
  } catch (error) {
    await Promise.all(started.map((e) => e.close()));
    throw error;
  }
}
