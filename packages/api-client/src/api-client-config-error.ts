/** Which client option was refused. */
export type ApiClientSetting = "host" | "credentials" | "reportEndpoint" | "timeoutMs";

/**
 * Thrown by `createApiClient` for options it cannot work with (an unparsable or insecure
 * host, credentials that cannot form a Basic header, …). Shaped like `UserFacingError` of
 * `@spoor/config`: a `message` saying what is wrong and a `fix` saying what to change.
 */
export class ApiClientConfigError extends Error {
  override readonly name = "ApiClientConfigError";
  readonly setting: ApiClientSetting;
  readonly fix: string;

  constructor(setting: ApiClientSetting, message: string, fix: string) {
    super(message);
    this.setting = setting;
    this.fix = fix;
  }
}
