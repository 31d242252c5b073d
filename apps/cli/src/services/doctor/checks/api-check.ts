import { createClientFromConfig } from "@spoor/agent";
import { ApiError } from "@spoor/api-client";
import { reporterFor } from "@spoor/config";
import { UserFacingError } from "@spoor/errors";
import { type CheckResult, type DoctorContext, result } from "./check-result.js";

const NAME = "api";

/**
 * Whether the Spoor API answers and accepts the credentials: lists this host's reports
 * (a read-only GET). 401/403 → "credentials rejected"; no answer → "unreachable". The
 * secret is never part of a message. Never throws.
 */
export async function checkApi(context: DoctorContext): Promise<CheckResult> {
  const { transmission } = context.config;
  const host = transmission.host;
  let client: ReturnType<typeof createClientFromConfig>;
  try {
    client = createClientFromConfig(context.config);
  } catch (error) {
    return result(
      NAME,
      "fail",
      `the API client cannot be set up: ${error instanceof UserFacingError ? error.problem : (error as Error).message}`,
      "correct transmission in the config",
    );
  }
  try {
    const reports = await client.listReports(reporterFor(context.config));
    return result(
      NAME,
      "ok",
      `${host} accepted the credentials of ${transmission.credentials.api_identifier} (${reports.length} reports for this host)`,
    );
  } catch (error) {
    if (!(error instanceof ApiError)) {
      return result(NAME, "fail", `${host}: ${(error as Error).message}`);
    }
    if (error.status === 401 || error.status === 403) {
      return result(
        NAME,
        "fail",
        `${host} rejected the credentials of ${transmission.credentials.api_identifier} (HTTP ${error.status})`,
        "check the identifier and secret with Spoor, then spoor install --non-interactive --api-identifier ID --api-secret-stdin",
      );
    }
    if (error.kind === "network" || error.kind === "timeout") {
      const why = error.kind === "timeout" ? "timed out" : (error.code ?? "no connection");
      return result(
        NAME,
        "fail",
        `${host} is unreachable (${why})`,
        "check transmission.host, DNS, the firewall and any proxy",
      );
    }
    return result(
      NAME,
      "fail",
      `${host} answered the reports list with ${error.status === undefined ? error.kind : `HTTP ${error.status}`}`,
      "check transmission.host and endpoints; retry later if the API is down",
    );
  } finally {
    client.close();
  }
}
