/** A cPanel log that spoor can follow (declared here so config depends on no other package). */
export type LogType = "access" | "error" | "login" | "session";

/** Every log type, in the order the config file lists followers. */
export const LOG_TYPES: readonly LogType[] = ["access", "error", "login", "session"];
