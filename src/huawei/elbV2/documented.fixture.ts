/**
 * Documented shared ELB v2 answers, each with the page it comes from, for the spec that replays them through the
 * client (a stub transport answering with the body), the reader and the provider. The bodies are the files under
 * `../fixtures/elbV2/`, copied verbatim from the Open Telekom Cloud API reference (see its README.md).
 * Ref: opentelekomcloud-docs/elastic-load-balancing@15a87b5af887c88789bfc336dd0a860952f10cb5 api-ref/source/apis_v2.0/.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** DocumentedAnswer is one documented HTTP answer: status, body text, and its source. */
export interface DocumentedAnswer {
  readonly status: number;
  readonly body: string;
  readonly source: string;
}

const DOCS = "opentelekomcloud-docs/elastic-load-balancing@15a87b5 api-ref/source/apis_v2.0";

function file(name: string): string {
  return readFileSync(join(__dirname, "..", "fixtures", "elbV2", name), "utf8");
}

/** CREATE_RESPONSES are the three example responses of "Adding a Listener" (201). */
export const CREATE_RESPONSES: readonly DocumentedAnswer[] = [1, 2, 3].map((n) => ({
  status: 201,
  body: file(`create-response-${n}.txt`),
  source: `${DOCS}/listener/adding_a_listener.rst, example response ${n}`,
}));

/** UPDATE_RESPONSE is the example response of "Updating a Listener" (200). */
export const UPDATE_RESPONSE: DocumentedAnswer = {
  status: 200,
  body: file("update-response.txt"),
  source: `${DOCS}/listener/updating_a_listener.rst, example response`,
};

/** SHOW_RESPONSE is the example response of "Querying Details of a Listener" (200). */
export const SHOW_RESPONSE: DocumentedAnswer = {
  status: 200,
  body: file("show-response.txt"),
  source: `${DOCS}/listener/querying_details_of_a_listener.rst, example response`,
};

/** LIST_RESPONSES are the two example responses of "Querying Listeners" (200); the first is not valid JSON. */
export const LIST_RESPONSES: readonly DocumentedAnswer[] = [1, 2].map((n) => ({
  status: 200,
  body: file(`list-response-${n}.txt`),
  source: `${DOCS}/listener/querying_listeners.rst, example response ${n}`,
}));

/** TAGS_RESPONSE is the example response of "Querying All Tags of a Listener" (200). */
export const TAGS_RESPONSE: DocumentedAnswer = {
  status: 200,
  body: file("tags-response.txt"),
  source: `${DOCS}/tag/querying_all_tags_of_a_listener.rst, example response`,
};

/** LOAD_BALANCER_RESPONSE is example response 1 of "Querying Details of a Load Balancer" (200). */
export const LOAD_BALANCER_RESPONSE: DocumentedAnswer = {
  status: 200,
  body: file("loadbalancer-show-response.txt"),
  source: `${DOCS}/load_balancer/querying_details_of_a_load_balancer.rst, example response 1`,
};

/** NEUTRON_NOT_FOUND is the `/v2.0/lbaas` routes' 404 body as a user's log quotes it (digest §6 [S6]). */
export const NEUTRON_NOT_FOUND: DocumentedAnswer = {
  status: 404,
  body: file("neutron-not-found.txt"),
  source: "huaweicloud/terraform-provider-huaweicloud issue 1544 (GET /v2.0/lbaas/loadbalancers/{id})",
};

/**
 * withoutDanglingComma is list example 1 made JSON: its one dangling `,` (after the second listener's last member)
 * removed, everything else as published.
 */
export function withoutDanglingComma(body: string): string {
  return body.replace(/"\s*\n\s*,\s*\n(\s*\n)*\s*}/, '"\n}');
}
