/**
 * The v2 specs' HTTP helpers: requests to a running Huawei emulator signed by the official
 * @huaweicloud/huaweicloud-sdk-core AKSKSigner (as the v3 spec signs them), with `X-Project-Id` signed along on the
 * Open Telekom Cloud routes, and the two error-body expectations (NeutronError, ELB code).
 */
import { AKSKSigner } from "@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner";
import axios from "axios";
import type { HuaweiEmulator } from "../index";
import { formatSdkDate } from "../signature";

/** Sent is one answer: status, parsed JSON body (undefined when empty) and headers. */
export interface Sent {
  readonly status: number;
  readonly body: Record<string, unknown> | undefined;
  readonly headers: Record<string, unknown>;
}

/** send sends a request as given (no signing). */
export async function send(
  emu: HuaweiEmulator,
  method: string,
  path: string,
  headers: Record<string, string>,
  data?: string,
): Promise<Sent> {
  const r = await axios.request({
    method,
    url: emu.endpoint + path,
    headers,
    data,
    validateStatus: () => true,
    transformResponse: [(d: unknown) => d],
  });
  return { status: r.status, body: r.data ? JSON.parse(String(r.data)) : undefined, headers: r.headers };
}

/** call signs a request with the official signer (JSON body as the SDK sends it), plus `extra` headers signed along. */
export async function call(
  emu: HuaweiEmulator,
  method: string,
  path: string,
  data?: unknown,
  extra: Record<string, string> = {},
): Promise<Sent> {
  const url = new URL(emu.endpoint + path);
  const queryParams: Record<string, string[]> = {};
  for (const [k, v] of url.searchParams) (queryParams[k] ??= []).push(v);
  const headers = AKSKSigner.sign(
    {
      method,
      endpoint: `${url.origin}${url.pathname}`,
      queryParams,
      headers: { "Content-Type": "application/json", "X-Sdk-Date": formatSdkDate(new Date()), ...extra },
      data,
    },
    { getAk: () => emu.accessKey, getSk: () => emu.secretKey } as never,
  ) as Record<string, string>;
  return send(emu, method, path, headers, data === undefined ? undefined : JSON.stringify(data));
}

/** expectNeutron asserts a `/v2.0/lbaas` error answer exactly. */
export function expectNeutron(r: Sent, status: number, type: string, message: string): void {
  expect({ status: r.status, body: r.body }).toEqual({ status, body: { NeutronError: { type, message, detail: "" } } });
}

/** expectElb asserts an ELB code error answer (Huawei routes, tag API) exactly. */
export function expectElb(r: Sent, status: number, code: string, message: string): void {
  expect({ status: r.status, body: r.body }).toEqual({
    status,
    body: { error_msg: message, error_code: code, request_id: r.headers["x-request-id"] },
  });
}
