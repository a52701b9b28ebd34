/**
 * DomainExtensionProvider: the lifecycle of an Alibaba Cloud SLB domain extension (an additional certificate picked by
 * SNI on an HTTPS listener) as a Pulumi dynamic provider, composed from this folder's schema and wire, the cloud's
 * config, client and errors, and the shared mutation pipeline. Its mutations take the same per-load-balancer lock as
 * the HttpsListener's (the same pipeline key: endpoint and load balancer), so they never race the listener's.
 * Ref: shared/api-docs/aliyun-slb-https-extras.md §1.
 */
import type * as dynamic from "@pulumi/pulumi/dynamic";
import { createOnce, type Created, type CreateKind } from "../../core/createOnce";
import { ApiError, ListenerError } from "../../core/errors";
import type { Lane } from "../../core/pipeline";
import type { Params, SlbApi } from "../client";
import {
  DOMAIN_EXTENSION_ACTIONS as ACTIONS,
  DOMAIN_EXTENSION_ERROR_CODES,
  DOMAIN_EXTENSION_WIRE_NAMES as WIRE,
} from "../constants";
import { classify, explainSpecRefusal } from "../errors";
import type { SlbProviderOptions } from "../session";
import { invalidInputs, SlbSession } from "../session";
import type { DomainExtensionInputs } from "./schema";
import { DomainExtensionPlan } from "./plan";
import { checkInputs, diffInputs, RESOURCE_NAME } from "./schema";
import type { DomainExtensionOutputs, ExtensionAddress, ListedExtension } from "./wire";
import { createParams, findByDomain, idParams, inputsFromDescribe, listedExtensions, listParams } from "./wire";

export type { DomainExtensionOutputs } from "./wire";

/** DomainExtensionProviderOptions tune the provider in tests; the same shape as the listener's. */
export type DomainExtensionProviderOptions = SlbProviderOptions;

/**
 * DomainExtensionProvider implements the DomainExtension lifecycle: check validates the domain rules; create sends
 * CreateDomainExtension (after a lost answer it looks the domain up with DescribeDomainExtensions before sending
 * again); update sends SetDomainExtensionAttribute (the certificate only); read describes by id; delete removes
 * (already gone is success). Credentials come from `configure` (stack config) or the environment.
 */
export class DomainExtensionProvider
  extends DomainExtensionPlan
  implements dynamic.ResourceProvider<DomainExtensionInputs, DomainExtensionOutputs>
{
  // #private (not TypeScript `private`): util.inspect and JSON never show the session's credentials or clients.
  readonly #session: SlbSession;

  constructor(overrides: DomainExtensionProviderOptions = {}) {
    super(overrides);
    this.#session = new SlbSession(RESOURCE_NAME, overrides, this.stack);
  }

  /** configure keeps the stack's config for the plan half and forgets clients built under the previous one. */
  override async configure(req: dynamic.ConfigureRequest): Promise<void> {
    await super.configure(req);
    this.#session.forgetClients();
  }

  /** create adds the extension and returns its DomainExtensionId as the resource id. */
  async create(inputs: DomainExtensionInputs): Promise<dynamic.CreateResult<DomainExtensionOutputs>> {
    const checked = checkInputs(inputs, this.stack.region());
    if (!checked.ok) {
      throw invalidInputs(RESOURCE_NAME, checked.failures);
    }
    const values = checked.inputs;
    const regionId = values.regionId ?? this.stack.requireRegion();
    const address: ExtensionAddress = {
      regionId,
      loadBalancerId: values.loadBalancerId,
      listenerPort: values.listenerPort,
    };
    const subject = `${values.loadBalancerId}:https:${values.listenerPort} ${values.domain}`;
    const api = this.#session.client(regionId);
    const params = createParams(values, regionId);
    let made: Created<ListedExtension>;
    try {
      made = await this.#session.pipeline.exclusive(
        this.#session.target(address.regionId, address.loadBalancerId),
        (lane) => createOnce(this.#session.pipeline, lane, this.creating(api, subject, address, values, params, lane)),
      );
    } catch (error) {
      throw explainSpecRefusal(error, `DomainExtension ${subject}`, "loadBalancerId", values.loadBalancerId);
    }
    return { id: made.resource.domainExtensionId, outs: { ...values, regionId } };
  }

  /**
   * creating is what a DomainExtension create tells the one create path (`core/createOnce`): it sends
   * CreateDomainExtension; it looks by listing the listener's extensions, where one for this domain with this
   * certificate is this create's own; with `adoptExisting` it adopts the domain's extension (setting the certificate
   * when it differs), else another certificate on the domain fails as InvalidParameter.Domain.
   */
  private creating(
    api: SlbApi,
    subject: string,
    address: ExtensionAddress,
    values: DomainExtensionInputs,
    params: Params,
    lane: Lane,
  ): CreateKind<ListedExtension> {
    const { domain, serverCertificateId } = values;
    return {
      subject,
      action: ACTIONS.create,
      send: async () => {
        const body = await api.call(ACTIONS.create, params);
        const id = body.DomainExtensionId;
        if (typeof id !== "string" || id.length === 0) {
          throw new ListenerError(`DomainExtension ${subject}: CreateDomainExtension answered without an id`);
        }
        return { domainExtensionId: id, domain, serverCertificateId };
      },
      lookUp: async () =>
        findByDomain(listedExtensions(await api.call(ACTIONS.describeAll, listParams(address))), domain),
      isOwn: (live) => live.serverCertificateId === serverCertificateId,
      named: (live) => `extension ${live.domainExtensionId}`,
      adopt:
        values.adoptExisting === true
          ? async (live) => {
              if (live.serverCertificateId !== serverCertificateId) {
                await this.setCertificate(api, live.domainExtensionId, address, serverCertificateId, lane);
              }
              return live;
            }
          : undefined,
      taken: () => this.domainTaken(values),
    };
  }

  private domainTaken(values: DomainExtensionInputs): ApiError {
    return new ApiError({
      cloud: "aliyun",
      action: ACTIONS.create,
      code: DOMAIN_EXTENSION_ERROR_CODES.domainExists,
      apiMessage:
        `another extension already serves ${values.domain} on port ${values.listenerPort} of ` +
        `${values.loadBalancerId} with another certificate; set adoptExisting to take it over`,
    });
  }

  /** read describes the extension by id; an extension that is gone (or answers for another id) returns an empty id. */
  async read(id: string, props?: DomainExtensionOutputs): Promise<dynamic.ReadResult<DomainExtensionOutputs>> {
    const regionId = props?.regionId || this.stack.requireRegion();
    const body = await this.#session.describeOrGone(regionId, id, ACTIONS.describe, idParams(regionId, id));
    if (body === undefined) return { id: "" };
    // Ref: Terraform treats an answer for another DomainExtensionId as not found [S26].
    if (typeof body.DomainExtensionId === "string" && body.DomainExtensionId !== id) return { id: "" };
    const inputs = inputsFromDescribe(id, body, regionId, props);
    const outs: DomainExtensionOutputs = { ...inputs, regionId };
    return { id, props: outs, inputs: { ...outs } };
  }

  /** update sends SetDomainExtensionAttribute with the new certificate; nothing else can change in place. */
  async update(
    id: string,
    olds: DomainExtensionOutputs,
    news: DomainExtensionInputs,
  ): Promise<dynamic.UpdateResult<DomainExtensionOutputs>> {
    const configured = this.stack.region();
    const regionId = news.regionId ?? configured ?? olds.regionId;
    const next: DomainExtensionInputs = { ...news, regionId };
    const { changed, replaces } = diffInputs(olds, next, configured);
    if (replaces.length > 0) {
      throw new ListenerError(`DomainExtension ${id}: ${replaces.join(", ")} cannot change in place; replace it`);
    }
    const outs: DomainExtensionOutputs = { ...next, domain: olds.domain, regionId };
    if (changed.includes("serverCertificateId")) {
      const address = { regionId, loadBalancerId: next.loadBalancerId, listenerPort: next.listenerPort };
      const api = this.#session.client(regionId);
      await this.#session.pipeline.exclusive(this.#session.target(regionId, address.loadBalancerId), (lane) =>
        this.setCertificate(api, id, address, next.serverCertificateId, lane),
      );
    }
    return { outs };
  }

  /** delete removes the extension; one already gone (InvalidParameter.DomainExtensionId) is success. */
  async delete(id: string, props: DomainExtensionOutputs): Promise<void> {
    const regionId = props?.regionId || this.stack.requireRegion();
    const address = { regionId, loadBalancerId: props.loadBalancerId, listenerPort: props.listenerPort };
    const api = this.#session.client(regionId);
    try {
      await this.#session.pipeline.mutate(
        id,
        ACTIONS.delete,
        this.#session.target(address.regionId, address.loadBalancerId),
        () => api.call(ACTIONS.delete, idParams(regionId, id)),
      );
    } catch (error) {
      if (classify(error) === "gone") return;
      throw error;
    }
  }

  /** setCertificate sends SetDomainExtensionAttribute on the load balancer's lane, whose lock the caller holds. */
  private async setCertificate(
    api: SlbApi,
    id: string,
    address: ExtensionAddress,
    certificate: string,
    lane: Lane,
  ): Promise<void> {
    const params: Params = { ...idParams(address.regionId, id), [WIRE.serverCertificateId]: certificate };
    try {
      await this.#session.pipeline.call(id, ACTIONS.set, lane, () => api.call(ACTIONS.set, params));
    } catch (error) {
      throw explainSpecRefusal(error, `DomainExtension ${id}`, "loadBalancerId", address.loadBalancerId);
    }
  }
}
