export { BaseCommand } from "./base-command.js";
export { COMMANDS } from "./commands.js";
export { type BugContext, describeError, type ErrorReport } from "./errors/describe-error.js";
export { SilentError } from "./errors/silent-error.js";
export { UsageError } from "./errors/usage-error.js";
