export { SilentError, UsageError } from "@spoor/errors";
export { BaseCommand } from "./base-command.js";
export { COMMANDS } from "./commands.js";
export { type BugContext, describeError, type ErrorReport } from "./errors/describe-error.js";
