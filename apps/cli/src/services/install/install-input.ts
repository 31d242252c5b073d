import { isAbsolute } from "node:path";
import { ConfigError, validateConfig } from "@spoor/config";
import { hasControlCharacter } from "@spoor/errors";

/** Why a log path answer is unusable, or undefined when it is fine. Never throws. */
export function logPathProblem(value: string): string | undefined {
  if (!isAbsolute(value)) return "give an absolute path (starting with /)";
  if (hasControlCharacter(value) || /\s/.test(value))
    return "the path must not hold spaces or control characters";
  return undefined;
}

/** Why an API identifier is unusable (HTTP Basic forbids ":"), or undefined. Never throws. */
export function identifierProblem(value: string): string | undefined {
  if (value === "") return "the identifier must not be empty";
  if (value.includes(":")) return 'the identifier must not hold ":" (HTTP Basic authentication)';
  if (hasControlCharacter(value) || /\s/.test(value))
    return "the identifier must not hold spaces or control characters";
  return undefined;
}

/** Why an API secret is unusable, or undefined. The message never holds the secret. */
export function secretProblem(value: string): string | undefined {
  if (value === "") return "the secret must not be empty";
  if (hasControlCharacter(value)) return "the secret must not hold control characters";
  return undefined;
}

/**
 * Why an API host is unusable (the rules of `transmission.host`: http(s), no credentials,
 * query or fragment, https unless loopback), or undefined. Never throws.
 */
export function hostProblem(value: string): string | undefined {
  const document = {
    transmission: { host: value, credentials: { api_identifier: "x", api_secret: "x" } },
  };
  try {
    validateConfig(document, { path: "the answer" });
    return undefined;
  } catch (error) {
    if (error instanceof ConfigError) return error.problem.replace(/^transmission\.host: /, "");
    throw error;
  }
}
