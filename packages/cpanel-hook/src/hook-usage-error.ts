import { UsageError } from "@spoor/errors";

/** The command line is not `[--config PATH] [--describe [--all] [--hook-path PATH]]`. */
export class HookUsageError extends UsageError {
  constructor(problem: string) {
    super(
      `${problem}; usage: spoor-cpanel-hook [--config PATH] [--describe [--all] [--hook-path PATH]]`,
    );
    this.name = "HookUsageError";
  }
}
