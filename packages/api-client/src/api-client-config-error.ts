import { UserFacingError } from "@spoor/errors";

/** Which client option was refused. */
export type ApiClientSetting = "host" | "credentials" | "reportEndpoint" | "timeoutMs";

/**
 * Thrown by `createApiClient` for options it cannot work with (an unparsable or insecure
 * host, credentials that cannot form a Basic header, …). A `UserFacingError`: `problem`
 * says what is wrong, `fix` what to change, and `message` is both.
 */
export class ApiClientConfigError extends UserFacingError {
  override readonly name = "ApiClientConfigError";
  readonly setting: ApiClientSetting;
  declare readonly fix: string;

  /**
   * @param setting the option refused
   * @param problem what is wrong with it
   * @param fix what to change
   */
  constructor(setting: ApiClientSetting, problem: string, fix: string) {
    super(problem, fix);
    this.setting = setting;
  }
}
