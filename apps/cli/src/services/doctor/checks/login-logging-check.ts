import {
  ENABLE_LOGIN_LOGGING,
  LOGIN_LOGGING_IN_WHM,
  readLoginLogging,
} from "../../install/login-logging.js";
import { type CheckResult, type DoctorContext, result } from "./check-result.js";

const NAME = "successful logins";

/** cPanel's "Log successful logins" (cpanel.md §4): off means the session_log fallback. Never throws. */
export async function checkLoginLogging(context: DoctorContext): Promise<CheckResult> {
  const path = context.paths.cpanelConfigPath;
  const state = await readLoginLogging(path);
  if (state === "on")
    return result(
      NAME,
      "ok",
      `log_successful_logins=1 in ${path}: login_log records webmail logins`,
    );
  if (state === "missing") {
    return result(
      NAME,
      "warn",
      `${path} is missing: is this a cPanel server? Webmail logins are read from session_log`,
      `${ENABLE_LOGIN_LOGGING} (on the cPanel server)`,
    );
  }
  const fallback =
    context.config.followers.session === undefined
      ? "and no session_log follower is configured, so webmail logins are missed"
      : "so webmail logins are read from session_log (fallback active)";
  const found =
    state === "unset"
      ? "log_successful_logins is not set (cPanel's default: off)"
      : "log_successful_logins=0";
  return result(
    NAME,
    "warn",
    `${found} in ${path}, ${fallback}`,
    `${ENABLE_LOGIN_LOGGING}, or ${LOGIN_LOGGING_IN_WHM}`,
  );
}
