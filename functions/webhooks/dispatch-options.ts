/**
 * Knobs of the webhook dispatcher. Production leaves them unset (PortOne's values); tests and the
 * local runtime set them to make timeouts short and jitter deterministic.
 */
export interface DispatchOptions {
  /** Per-attempt budget (DNS, connect, answer); PortOne waits 30 s. */
  timeoutMs?: number;
  /** Jitter source in [0, 1] for the retry delay (full jitter: delay = random() × nominal). */
  random?: () => number;
  fetchImpl?: typeof fetch;
  /** The runtime shutting down: the attempt is abandoned unrecorded and sent again later. */
  signal?: AbortSignal;
}
