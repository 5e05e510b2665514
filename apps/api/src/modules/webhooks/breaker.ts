import type { webhookPauseReasons } from '@linli/contracts';

/** The circuit breaker of one endpoint (ADR 0012): pure rules, unit-tested beside. */

/** Pause after this many failures in a row… */
export const pauseAfterFailures = 10;
/** …or when the endpoint has failed without a success for this long (and at least `minFailuresForTimePause` times). */
export const pauseAfterFailingMs = 60 * 60 * 1000;
const minFailuresForTimePause = 3;

export type PauseReason = (typeof webhookPauseReasons)[number];

/** How long the whole endpoint waits after its nth failure in a row: 15 s, doubling, at most 15 min. */
export function endpointBackoffMs(consecutiveFailures: number): number {
  return Math.min(15_000 * 2 ** Math.max(0, consecutiveFailures - 1), 15 * 60_000);
}

/** Whether an endpoint with this failure record is paused now, and why. */
export function pauseReasonFor(state: { consecutiveFailures: number; failingSince: Date | null; isRefused: boolean }, now: Date): PauseReason | null {
  if (state.isRefused) return 'address_refused';
  if (state.consecutiveFailures >= pauseAfterFailures) return 'consecutive_failures';
  if (state.failingSince && state.consecutiveFailures >= minFailuresForTimePause && now.getTime() - state.failingSince.getTime() >= pauseAfterFailingMs) {
    return 'failing_for_an_hour';
  }
  return null;
}
