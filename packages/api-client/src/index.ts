export {
  ALERT_SEVERITIES,
  ALERT_STATES,
  type Alert,
  type AlertSeverity,
  type AlertState,
  isAlertSeverity,
  isAlertState,
} from "./alert.js";
export { type AlertQuery, alertsUrl, MAX_ALERTS_LIMIT } from "./alerts-url.js";
export { ApiClientConfigError, type ApiClientSetting } from "./api-client-config-error.js";
export { ApiError, type ApiErrorDetails, type ApiErrorKind } from "./api-error.js";
export { type ApiCredentials, basicAuthorization } from "./basic-authorization.js";
export { classifyStatus, type StatusClass } from "./classify-status.js";
export {
  ALERTS_RESPONSE_LIMIT,
  type ApiClient,
  type ApiClientOptions,
  createApiClient,
  ERROR_RESPONSE_LIMIT,
  HEARTBEAT_PATH,
  LIST_RESPONSE_LIMIT,
  type ListOptions,
  REPORT_RESPONSE_LIMIT,
} from "./create-api-client.js";
export { displayWidth } from "./display-width.js";
export type { FetchFunction, FetchInit, FetchResponse } from "./fetch-function.js";
export { formatAlertsCsv, formatAlertsTable } from "./format-alerts.js";
export { csvField } from "./format-csv.js";
export { type FormattableEntry, type FormattedEntry, formatEntry } from "./format-entry.js";
export { formatEventTime } from "./format-event-time.js";
export { formatMailboxEventsCsv, formatReportsCsv } from "./format-records-csv.js";
export { formatRecordsTable } from "./format-records-table.js";
export { formatTable, terminalText } from "./format-table.js";
export { type FollowerHeartbeat, type Heartbeat, heartbeatBody } from "./heartbeat.js";
export { isLoopbackHost, isPlainHttpAllowed } from "./is-loopback-host.js";
export { encodeRfc3986, listUrl, type RecordKind } from "./list-url.js";
export { maskSecrets } from "./mask-secrets.js";
export { type ParsedAlert, parseAlert } from "./parse-alert.js";
export { parseRetryAfter, RETRY_AFTER_CAP_MS } from "./parse-retry-after.js";
export type { MailboxEventRecord, ReportRecord } from "./records.js";
export type { ReportOptions, ReportRequest } from "./report-request.js";
export type { TextColumn } from "./text-columns.js";
