import { CorrelationLoopError } from "./correlation-loop-error.js";
import { evaluate } from "./evaluate.js";
import type { Finding } from "./finding.js";
import type { HistoryAnswer, HistoryQuery } from "./history-query.js";
import type { MailboxEvent } from "./mailbox-event.js";
import type { ResolvedRules } from "./rules-defaults.js";

/** A store that answers history queries synchronously (better-sqlite3, the memory store). */
export interface HistoryStore {
  answer(query: HistoryQuery): HistoryAnswer;
}

/** A store that answers history queries asynchronously (PostgreSQL). */
export interface AsyncHistoryStore {
  answer(query: HistoryQuery): HistoryAnswer | Promise<HistoryAnswer>;
}

/** Bounds the loop: evaluation needs at most a handful of rounds; more means a broken store. */
const MAX_ROUNDS = 16;

/**
 * Runs {@link evaluate} to completion, asking `store` each query.
 *
 * @throws {CorrelationLoopError} when the store's answers do not settle within 16 rounds;
 *   whatever `store.answer` throws.
 */
export function correlate(
  event: MailboxEvent,
  rules: ResolvedRules,
  store: HistoryStore,
): Finding[] {
  const answers = new Map<string, HistoryAnswer>();
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const step = evaluate(event, answers, rules);
    if (step.done) return step.findings;
    for (const query of step.queries) answers.set(query.key, store.answer(query));
  }
  throw new CorrelationLoopError(`history answers did not settle within ${MAX_ROUNDS} rounds`);
}

/**
 * As {@link correlate}, for a store whose answers are promises; the queries of one round are
 * asked together.
 *
 * @throws {CorrelationLoopError} as {@link correlate}; rejects with whatever the store rejects with.
 */
export async function correlateAsync(
  event: MailboxEvent,
  rules: ResolvedRules,
  store: AsyncHistoryStore,
): Promise<Finding[]> {
  const answers = new Map<string, HistoryAnswer>();
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const step = evaluate(event, answers, rules);
    if (step.done) return step.findings;
    const results = await Promise.all(step.queries.map((query) => store.answer(query)));
    for (const [index, query] of step.queries.entries()) answers.set(query.key, results[index]!);
  }
  throw new CorrelationLoopError(`history answers did not settle within ${MAX_ROUNDS} rounds`);
}
