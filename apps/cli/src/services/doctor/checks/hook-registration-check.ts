import { selectHookEvents } from "@spoor/cpanel-hook";
import { CPANEL_TOOLS } from "../../install/install-paths.js";
import { type CheckResult, type DoctorContext, result } from "./check-result.js";
import { readHookRegistry } from "./hook-registry.js";

const NAME = "hook registered";

/**
 * Whether cPanel's registry runs our hook script (first word of `hook:` = the installed
 * path) for every event its `--describe` would register (the forwarder events plus the kinds
 * `transmission.events` opts into), with `escalateprivs: 1` so it runs as root and can write
 * the root-owned spool. Never throws.
 */
export async function checkHookRegistration(context: DoctorContext): Promise<CheckResult> {
  const { hookPath, hookRegistryDirectory } = context.paths;
  const add = `${CPANEL_TOOLS.manageHooks} add script ${hookPath}`;
  const ours = (await readHookRegistry(hookRegistryDirectory)).filter(
    (entry) => entry.hook.split(/\s+/)[0] === hookPath,
  );
  if (ours.length === 0) {
    return result(
      NAME,
      "fail",
      `${hookPath} is not in cPanel's hook registry (${hookRegistryDirectory})`,
      add,
    );
  }
  const events = new Set(ours.map((entry) => entry.event));
  const required = selectHookEvents(context.config.transmission.events).map(
    (spec) => `Cpanel/${spec.cpanelEvent}`,
  );
  const missing = required.filter((event) => !events.has(event));
  if (missing.length > 0) {
    return result(
      NAME,
      "fail",
      `not registered for ${missing.join(", ")}`,
      `${CPANEL_TOOLS.manageHooks} delete script ${hookPath} && ${add}`,
    );
  }
  const unescalated = ours
    .filter((entry) => entry.escalateprivs !== "1")
    .map((entry) => entry.event);
  if (unescalated.length > 0) {
    return result(
      NAME,
      "fail",
      `registered without escalateprivs: 1 for ${unescalated.join(", ")}: it would run as the cPanel user and cannot write the spool`,
      `${CPANEL_TOOLS.manageHooks} delete script ${hookPath} && ${add}`,
    );
  }
  return result(NAME, "ok", `registered for ${events.size} events with escalateprivs: 1`);
}
