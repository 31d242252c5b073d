export {
  type DescribeErrorOptions,
  describeError,
  type ErrorDescription,
  type ErrorKind,
} from "./describe-error.js";
export { shellQuote, shellWords } from "./shell-quote.js";
export { isSilentError, SilentError } from "./silent-error.js";
export { hasControlCharacter, systemdQuote } from "./systemd-quote.js";
export { isUsageError, UsageError } from "./usage-error.js";
export { isUserFacingError, UserFacingError } from "./user-facing-error.js";
