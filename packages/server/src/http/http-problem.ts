/**
 * A request the receiver refuses: the HTTP status, a message for the JSON error body
 * (`{"error": message}`) and any extra response headers (`Allow`, `WWW-Authenticate`).
 */
export class HttpProblem extends Error {
  override readonly name = "HttpProblem";
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** True when the connection must close after the answer (an unread oversized body). */
  readonly closeConnection: boolean;

  constructor(
    status: number,
    message: string,
    options: { headers?: Record<string, string>; closeConnection?: boolean } = {},
  ) {
    super(message);
    this.status = status;
    this.headers = options.headers ?? {};
    this.closeConnection = options.closeConnection ?? false;
  }
}
