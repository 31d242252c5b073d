import { setMaxListeners } from "node:events";
import nodeFetch from "node-fetch";
import type { Alert } from "./alert.js";
import { type AlertQuery, alertsUrl } from "./alerts-url.js";
import { type ApiCredentials, basicAuthorization } from "./basic-authorization.js";
import { checkedEndpoint, checkedTimeout } from "./checked-options.js";
import { classifyStatus } from "./classify-status.js";
import type { RequestPurpose } from "./describe-status.js";
import type { FetchFunction } from "./fetch-function.js";
import type { FormattedEntry } from "./format-entry.js";
import { type Heartbeat, heartbeatBody } from "./heartbeat.js";
import { createKeepAliveAgents } from "./keep-alive-agents.js";
import { listUrl, type RecordKind } from "./list-url.js";
import { parseAlertsBody } from "./parse-alerts-body.js";
import { parseListBody } from "./parse-list-body.js";
import {
  type OutgoingRequest,
  performRequest,
  type ReceivedResponse,
  type Transport,
} from "./perform-request.js";
import type { MailboxEventRecord, ReportRecord } from "./records.js";
import { createReportRequest, type ReportOptions, type ReportRequest } from "./report-request.js";
import { resolveBaseUrl } from "./resolve-base-url.js";
import { responseError } from "./response-error.js";

/** Bytes read of a 202 answer (the rest is dropped with its connection). */
export const REPORT_RESPONSE_LIMIT = 64 * 1024;
/** Bytes read of an error answer, for the excerpt. */
export const ERROR_RESPONSE_LIMIT = 4 * 1024;
/** Largest list body accepted. */
export const LIST_RESPONSE_LIMIT = 1024 * 1024;
/** Largest alerts body accepted (1000 alerts with their evidence lists). */
export const ALERTS_RESPONSE_LIMIT = 8 * 1024 * 1024;
/** Path of the heartbeat POST under the host (server.md §2). */
export const HEARTBEAT_PATH = "/api/heartbeats";

/** How to reach the Spoor API (from `transmission` in spoor.yml). */
export interface ApiClientOptions {
  /** e.g. `https://spoor.capefox.co`; http only for loopback hosts unless `allowInsecureHttp`. */
  host: string;
  credentials: ApiCredentials;
  /** Path of the report POST (default `/api/reports`). */
  reportEndpoint?: string;
  /** Limit for a whole exchange, body included (default 30 000 ms). */
  timeoutMs?: number;
  allowInsecureHttp?: boolean;
  /** Default node-fetch with keep-alive agents. */
  fetch?: FetchFunction;
  /** Default `spoor`. */
  userAgent?: string;
}

/** Options of the list calls and the heartbeat. */
export interface ListOptions {
  signal?: AbortSignal;
}

/** A client of one Spoor API. */
export interface ApiClient {
  /** The checked host, without a trailing slash. */
  readonly baseUrl: string;
  /**
   * POSTs one entry; resolves on 202 only.
   * @throws ApiError (`http` for any other status, `network`, `timeout`, `aborted`);
   *   TypeError for an idempotency key that cannot be a header value.
   */
  sendReport(entry: FormattedEntry, options: ReportOptions): Promise<void>;
  /** The request `sendReport` would send (mask it with `maskSecrets` before printing). @throws TypeError as sendReport */
  buildReportRequest(entry: FormattedEntry, options: ReportOptions): ReportRequest;
  /** `GET /api/reports?reports[host]=…` → the `reports` array. @throws ApiError */
  listReports(host: string, options?: ListOptions): Promise<ReportRecord[]>;
  /** `GET /api/mailbox_events?mailbox_events[host]=…` → the `mailbox_events` array. @throws ApiError */
  listMailboxEvents(host: string, options?: ListOptions): Promise<MailboxEventRecord[]>;
  /**
   * `POST /api/heartbeats` (spoor server only); resolves on 202 only, like a report.
   * @throws ApiError as sendReport (a 404 says the API takes no heartbeats); TypeError for a
   *   heartbeat `heartbeatBody` refuses.
   */
  postHeartbeat(heartbeat: Heartbeat, options?: ListOptions): Promise<void>;
  /**
   * `GET /api/alerts` with the query's filters → the alerts, newest first, each checked.
   * @throws ApiError (`invalid-response` for an answer that breaks the contract; `http` 403
   *   for a credential that is not an analyst's); RangeError for a bad query.
   */
  listAlerts(query?: AlertQuery, options?: ListOptions): Promise<Alert[]>;
  /** Aborts in-flight requests (they fail as `aborted`) and closes pooled connections. */
  close(): void;
}

/**
 * Creates a client with keep-alive connections (one agent per protocol) and TLS
 * verification always on.
 *
 * @throws ApiClientConfigError for a bad host (unparsable, not http/https, plain http to a
 *   non-loopback host without `allowInsecureHttp`), credentials, endpoint or timeout.
 */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const baseUrl = resolveBaseUrl(options.host, options.allowInsecureHttp === true);
  const authorization = basicAuthorization(options.credentials);
  const { api_identifier: identifier, api_secret: secret } = options.credentials;
  const secrets = [authorization.slice("Basic ".length), `${identifier}:${secret}`, secret];
  const settings = {
    reportUrl: `${baseUrl}${checkedEndpoint(options.reportEndpoint)}`,
    authorization,
    userAgent: options.userAgent ?? "spoor",
  };
  const closing = new AbortController();
  // Every request in flight listens to it (at most transmission.concurrency): not a leak.
  setMaxListeners(0, closing.signal);
  const agents = createKeepAliveAgents();
  const transport: Transport = {
    fetch: options.fetch ?? (nodeFetch as unknown as FetchFunction),
    agents,
    timeoutMs: checkedTimeout(options.timeoutMs),
    closed: closing.signal,
  };

  const readHeaders = {
    Accept: "application/json",
    "HTTP-Accept": "application/json",
    Authorization: authorization,
    "User-Agent": settings.userAgent,
  };
  const ok = (status: number) => status >= 200 && status < 300;

  async function get(
    url: string,
    purpose: RequestPurpose,
    limit: number,
    signal?: AbortSignal,
  ): Promise<{ request: OutgoingRequest; response: ReceivedResponse }> {
    const request: OutgoingRequest = { method: "GET", url, headers: readHeaders };
    const response = await performRequest(
      transport,
      request,
      (status) => (ok(status) ? limit : ERROR_RESPONSE_LIMIT),
      signal,
    );
    if (!ok(response.status)) throw responseError(request, response, secrets, purpose);
    return { request, response };
  }

  async function post(
    request: OutgoingRequest,
    purpose: RequestPurpose,
    signal?: AbortSignal,
  ): Promise<void> {
    const response = await performRequest(
      transport,
      request,
      (status) => (status === 202 ? REPORT_RESPONSE_LIMIT : ERROR_RESPONSE_LIMIT),
      signal,
    );
    if (classifyStatus(response.status) !== "success") {
      throw responseError(request, response, secrets, purpose);
    }
  }

  async function list(kind: RecordKind, key: string, host: string, signal?: AbortSignal) {
    const exchange = await get(listUrl(baseUrl, kind, host), "list", LIST_RESPONSE_LIMIT, signal);
    return parseListBody(exchange.request, exchange.response, key);
  }

  return {
    baseUrl,
    async sendReport(entry, reportOptions) {
      const request = createReportRequest(settings, entry, reportOptions);
      await post(request, "report", reportOptions.signal);
    },
    buildReportRequest: (entry, reportOptions) =>
      createReportRequest(settings, entry, reportOptions),
    listReports: (host, listOptions) => list("report", "reports", host, listOptions?.signal),
    listMailboxEvents: (host, listOptions) =>
      list("mailbox_event", "mailbox_events", host, listOptions?.signal),
    async postHeartbeat(heartbeat, heartbeatOptions) {
      const request: OutgoingRequest = {
        method: "POST",
        url: `${baseUrl}${HEARTBEAT_PATH}`,
        headers: {
          "Content-Type": "application/json",
          Accept: "application/json",
          Authorization: authorization,
          "User-Agent": settings.userAgent,
        },
        body: heartbeatBody(heartbeat),
      };
      await post(request, "heartbeat", heartbeatOptions?.signal);
    },
    async listAlerts(query, listOptions) {
      const url = alertsUrl(baseUrl, query);
      const exchange = await get(url, "alerts", ALERTS_RESPONSE_LIMIT, listOptions?.signal);
      return parseAlertsBody(exchange.request, exchange.response);
    },
    close() {
      closing.abort();
      agents.destroy();
    },
  };
}
