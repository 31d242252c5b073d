/**
 * A channel could not deliver a message. `permanent` failures (a webhook's 4xx other than
 * 408/429, an SMTP 5xx) are not retried; the others are, no sooner than `retryAfterMs` when
 * the peer said so. The message never carries a response body or a secret.
 */
export class NotifyDeliveryError extends Error {
  override readonly name = "NotifyDeliveryError";

  constructor(
    readonly channel: string,
    message: string,
    readonly permanent: boolean,
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
  }
}
