/**
 * Documented classic ELB v1.0 answers, each with the document or report it comes from, for the specs that replay
 * them through the client (a stub transport answering with the body) and the provider. The listener bodies are the
 * JSON files under `fixtures/`, copied verbatim from the Open Telekom Cloud API reference (see fixtures/README.md).
 * Ref: opentelekomcloud-docs/elastic-load-balancing@ea68efcf1d33706fcee87a7d92ed868f972d6781,
 * api-ref/source/historical_apis/classic_load_balancer_apis/listener/ and api-ref/source/appendix/error_codes.rst.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** DocumentedAnswer is one documented HTTP answer: status, body text, and its source. */
export interface DocumentedAnswer {
  readonly status: number;
  readonly body: string;
  readonly source: string;
}

const DOCS = "opentelekomcloud-docs/elastic-load-balancing api-ref/source/historical_apis/classic_load_balancer_apis";

function file(name: string): string {
  return readFileSync(join(__dirname, "fixtures", name), "utf8");
}

/** LISTENER_DETAILS are the two example responses of "Querying Details of a Listener" (GET /listeners/{id}). */
export const LISTENER_DETAILS: readonly DocumentedAnswer[] = [
  {
    status: 200,
    body: file("querying-details-of-a-listener.1.json"),
    source: `${DOCS}/listener/querying_details_of_a_listener.rst, example response 1`,
  },
  {
    status: 200,
    body: file("querying-details-of-a-listener.2.json"),
    source: `${DOCS}/listener/querying_details_of_a_listener.rst, example response 2`,
  },
];

/** LISTENER_LIST is the example response of "Querying Listeners" (GET /listeners?loadbalancer_id=). */
export const LISTENER_LIST: DocumentedAnswer = {
  status: 200,
  body: file("querying-listeners.json"),
  source: `${DOCS}/listener/querying_listeners.rst, example response`,
};

/**
 * EMPTY_LIST_AS_OBJECT is an empty list answered `{}`. Ref: kubernetes-sigs/cloud-provider-huaweicloud
 * pkg/cloudprovider/huaweicloud/elb_connection.go (`ListMembers`: "expect return body: [], but return: {}").
 */
export const EMPTY_LIST_AS_OBJECT: DocumentedAnswer = {
  status: 200,
  body: "{}",
  source: "kubernetes-sigs/cloud-provider-huaweicloud elb_connection.go ListMembers",
};

const ERROR_CODES_PAGE = "opentelekomcloud-docs/elastic-load-balancing api-ref/source/appendix/error_codes.rst";
const ELB_BODY = 'the classic service\'s error body {"error":{"message","code"}} (cloud-provider-huaweicloud ErrorRsp)';

function elbError(code: string, message: string): string {
  return JSON.stringify({ error: { message, code } });
}

/** GONE_ANSWERS are the ELB service's own answers that a listener or its load balancer does not exist. */
export const GONE_ANSWERS: readonly (DocumentedAnswer & { readonly code: string })[] = [
  {
    code: "ELB.6002",
    status: 503,
    body: elbError("ELB.6002", "Delete listener failed, listener does not exist."),
    source: `${ERROR_CODES_PAGE}; ${ELB_BODY}`,
  },
  {
    code: "ELB.1002",
    status: 404,
    body: elbError("ELB.1002", "Find lb failed."),
    source: `${ERROR_CODES_PAGE}; ${ELB_BODY}`,
  },
  {
    code: "ELB.1003",
    status: 400,
    body: elbError("ELB.1003", "Lb not exist."),
    source: `${ERROR_CODES_PAGE}; ${ELB_BODY}`,
  },
  {
    code: "ELB.6040",
    status: 400,
    body: elbError("ELB.6040", "The loadbalaner that the listener belongs to is not exist."),
    source: `${ERROR_CODES_PAGE}; ${ELB_BODY}`,
  },
];

/**
 * NOT_SERVED_ANSWERS are 404s that are not the ELB service's: the gateway's answer for an API not published at that
 * endpoint (APIGW.0101, and APIG.0101 from the older gateway), and a proxy's page. Ref: Huawei Cloud API Request
 * Signing Guide, "Error Codes" (APIGW.0101 404 "The API does not exist or has not been published in the
 * environment"); APIG.0101 with the same text is the older gateway's code (Assumed: status 404 as for APIGW.0101).
 */
export const NOT_SERVED_ANSWERS: readonly (DocumentedAnswer & { readonly code: string; readonly said: string })[] = [
  {
    code: "APIGW.0101",
    said: "The API does not exist or has not been published in the environment",
    status: 404,
    body: JSON.stringify({
      error_msg: "The API does not exist or has not been published in the environment",
      error_code: "APIGW.0101",
      request_id: "0c9a1e8f3d2b4c5a8e7f6d5c4b3a2910",
    }),
    source: "API Request Signing Guide, Error Codes",
  },
  {
    code: "APIG.0101",
    said: "The API does not exist or has not been published in the environment",
    status: 404,
    body: JSON.stringify({
      error_msg: "The API does not exist or has not been published in the environment",
      error_code: "APIG.0101",
      request_id: "1d0b2f9a4e3c5d6b9f8a7e6d5c4b3a21",
    }),
    source: "API gateway (APIG) error codes",
  },
  {
    code: "HTTP404",
    said: "a 404 that is not an ELB error",
    status: 404,
    body: "<html><body><h1>404 Not Found</h1></body></html>",
    source: "Assumed: a proxy's page in front of the endpoint",
  },
];
