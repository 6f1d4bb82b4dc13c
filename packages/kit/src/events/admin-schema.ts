import { concatAST, parse, type DocumentNode } from 'graphql';
import { NotFoundError } from '../errors/errors';
import { decodeId, encodeId } from '../ids';
import type { EventEnvelope } from './catalog';
import type { SubgraphEvents } from './event-bus';
import type { DeadLetterRow } from './tables';

const capitalised = (name: string) => name.replace(/(^|-)([a-z])/g, (_m, _dash, letter: string) => letter.toUpperCase());

/**
 * The admin fields over a consuming subgraph's dead letters, named after the subgraph
 * (`todosDeadLetters`, `replayTodosDeadLetter`) because each subgraph answers for its own;
 * the types are shared by every subgraph that adds them. Admins only (`@policy admin`).
 */
export function withDeadLetterAdmin(subgraph: string, typeDefs: DocumentNode): DocumentNode {
  const name = capitalised(subgraph);
  return concatAST([
    typeDefs,
    parse(`
      extend type Query {
        """
        Events ${subgraph}' consumers gave up on after their attempts, newest first (admins only).
        Fix the cause, then replay them with \`replay${name}DeadLetter\`.
        """
        ${subgraph}DeadLetters(
          "1 to 500; 20 if omitted."
          first: Int = 20
          "Also those already replayed (kept for the retention period)."
          includeReplayed: Boolean = false
        ): [EventDeadLetter!] @policy(policies: [["admin"]])
      }
      extend type Mutation {
        """
        Runs the consumer once more for a dead letter of ${subgraph} (admins only). Applied at most
        once, however often it is replayed; a handler that still fails leaves it pending.
        """
        replay${name}DeadLetter(id: ID!): DeadLetterReplay @policy(policies: [["admin"]])
      }
      "An event a consumer could not apply."
      type EventDeadLetter @shareable {
        id: ID!
        "The consumer group that gave up."
        consumer: String!
        eventId: ID!
        "e.g. account.deleted"
        type: String!
        "The event's payload, as JSON text."
        payload: String!
        "The last failure."
        error: String!
        attempts: Int!
        failedAt: DateTime!
        replayedAt: DateTime
      }
      enum DeadLetterReplayOutcome {
        "The handler ran and its effect was committed."
        APPLIED
        "It had been applied already (an earlier replay or a late redelivery): nothing changed."
        ALREADY_APPLIED
        "The handler failed again; the dead letter stays pending with the new error."
        FAILED
      }
      type DeadLetterReplay @shareable {
        outcome: DeadLetterReplayOutcome!
        deadLetter: EventDeadLetter!
        "Why the handler failed again (FAILED only)."
        error: String
      }
    `),
  ]);
}

/** Resolvers for `withDeadLetterAdmin`'s fields, to merge into the subgraph's own. */
export function deadLetterAdminResolvers(subgraph: string, events: SubgraphEvents) {
  const name = capitalised(subgraph);
  return {
    Query: {
      [`${subgraph}DeadLetters`]: (_parent: unknown, args: { first?: number | null; includeReplayed?: boolean | null }) =>
        events.deadLetters.list({ limit: Math.min(Math.max(args.first ?? 20, 1), 500), pending: !args.includeReplayed }),
    },
    Mutation: {
      [`replay${name}DeadLetter`]: async (_parent: unknown, args: { id: string }) => {
        const result = await events.deadLetters.replay(decodeId('DeadLetter', args.id));
        if (!('deadLetter' in result)) throw new NotFoundError('DeadLetter', args.id);
        return { outcome: result.outcome, deadLetter: result.deadLetter, error: result.outcome === 'FAILED' ? result.error : null };
      },
    },
    EventDeadLetter: {
      id: (row: DeadLetterRow) => encodeId('DeadLetter', row.id),
      payload: (row: DeadLetterRow) => JSON.stringify((row.envelope as EventEnvelope).payload),
    },
  };
}

/** The subgraph's resolver map with the dead-letter admin's merged in (Query and Mutation field by field). */
export function mergeResolvers<R extends Readonly<Record<string, object | undefined>>>(own: R, extra: Record<string, object>): R {
  const merged: Record<string, object | undefined> = { ...own };
  for (const [type, fields] of Object.entries(extra)) merged[type] = { ...merged[type], ...fields };
  return merged as R;
}
