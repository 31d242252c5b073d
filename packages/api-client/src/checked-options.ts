import { ApiClientConfigError } from "./api-client-config-error.js";

/** `timeoutMs` or its default 30 000. @throws ApiClientConfigError outside 1–2147483647. */
export function checkedTimeout(timeoutMs: number | undefined): number {
  const value = timeoutMs ?? 30_000;
  if (!Number.isInteger(value) || value < 1 || value > 2_147_483_647) {
    throw new ApiClientConfigError(
      "timeoutMs",
      `the API timeout must be a whole number of milliseconds from 1 to 2147483647, not ${value}`,
      "set transmission.timeout_ms to e.g. 30000",
    );
  }
  return value;
}

/** `reportEndpoint` or its default. @throws ApiClientConfigError for anything but a path. */
export function checkedEndpoint(endpoint: string | undefined): string {
  const value = endpoint ?? "/api/reports";
  if (!/^\/[^\s?#]*$/.test(value)) {
    throw new ApiClientConfigError(
      "reportEndpoint",
      `the report endpoint must be a path starting with "/", not ${JSON.stringify(value)}`,
      "set transmission.endpoints.report to /api/reports",
    );
  }
  return value;
}
