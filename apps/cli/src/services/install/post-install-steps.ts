import { CPANEL_TOOLS } from "./install-paths.js";
import {
  ENABLE_LOGIN_LOGGING,
  LOGIN_LOGGING_IN_WHM,
  type LoginLoggingState,
} from "./login-logging.js";

/** One command the administrator still has to run (or that `--enable` runs). */
export interface PostInstallStep {
  /** What it achieves, one line. */
  purpose: string;
  /** The command, one word per element (run without a shell). */
  argv: string[];
  /** Another way to achieve it, when there is one (e.g. the WHM page). */
  alternative?: string;
}

/** What the remaining steps depend on. */
export interface StepFacts {
  units: string[];
  /** Spoor units removed by this install (the other layout): stop them first. */
  removedUnits: string[];
  /** The units existed before: restart them to pick up the new files. */
  reinstall: boolean;
  hookPath: string;
  legacyHookModulePresent: boolean;
  loginLogging: LoginLoggingState;
}

/**
 * The commands that finish an install, in order: stop units of a replaced layout, reload
 * systemd, enable and start the units (restart them on a re-install), register the hook,
 * unregister the Perl original's hook module if it is there, and turn on cPanel's
 * "Log successful logins" when it is off. Never throws.
 */
export function postInstallSteps(facts: StepFacts): PostInstallStep[] {
  const steps: PostInstallStep[] = [];
  if (facts.removedUnits.length > 0) {
    steps.push({
      purpose: "stop the units of the replaced layout",
      argv: ["systemctl", "stop", ...facts.removedUnits],
    });
  }
  steps.push({ purpose: "make systemd read the unit files", argv: ["systemctl", "daemon-reload"] });
  steps.push({
    purpose: "start spoor now and at every boot",
    argv: ["systemctl", "enable", "--now", ...facts.units],
  });
  if (facts.reinstall) {
    steps.push({
      purpose: "apply the new files to running units",
      argv: ["systemctl", "restart", ...facts.units],
    });
  }
  steps.push({
    purpose: "register the cPanel hook (forwarder and mailbox changes)",
    argv: [CPANEL_TOOLS.manageHooks, "add", "script", facts.hookPath],
  });
  if (facts.legacyHookModulePresent) {
    steps.push({
      purpose: "unregister the Perl original's hook module (it would report forwarders twice)",
      argv: [CPANEL_TOOLS.manageHooks, "delete", "module", "SpoorForwardHook"],
    });
  }
  if (facts.loginLogging === "off" || facts.loginLogging === "unset") {
    const [, ...args] = ENABLE_LOGIN_LOGGING.split(" ");
    steps.push({
      purpose: "log successful logins (until then webmail logins are read from session_log)",
      argv: [CPANEL_TOOLS.whmapi1, ...args],
      alternative: LOGIN_LOGGING_IN_WHM,
    });
  }
  return steps;
}
