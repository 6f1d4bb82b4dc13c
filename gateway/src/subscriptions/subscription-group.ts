import { executeQueryPlan, type GraphQLDataSource, type ServiceMap } from '@apollo/gateway';
import { Kind, parse, type ExecutionResult, type FieldNode, type FormattedExecutionResult, type GraphQLFormattedError, type OperationDefinitionNode } from 'graphql';
import { SUBSCRIPTION_VOUCH_EXTENSION, type GatewayRequestSigner, type Logger, type VouchedOperation, type Viewer } from '@mosaic/kit';
import type { SubscribePayload } from 'graphql-ws';
import type { GatewayContext } from '../context';
import { EVENT_SOURCE, type SubscriptionPlan } from './plan-subscription';
import type { Subscriber } from './subscriber';
import type { SupergraphModel } from './supergraph-model';
import type { Admission } from './admission-client';
import type { UpstreamIdentity, UpstreamPool } from './upstream-pool';

export interface GroupDependencies {
  model: SupergraphModel;
  upstream: UpstreamPool;
  dataSources: ServiceMap;
  subgraphUrl(name: string): string;
  signerFor?: ((serviceName: string) => GatewayRequestSigner) | undefined;
  formatError(error: GraphQLFormattedError, original: unknown): GraphQLFormattedError;
  log: Logger;
  counters: { events: number; deliveries: number; conflated: number; slowConsumersClosed: number };
}

export interface GroupSpec {
  key: string;
  plan: SubscriptionPlan;
  /** Coerced operation variables. */
  variables: Record<string, unknown>;
  operationName: string | null;
  /** Who the upstream subscription is opened as (see UpstreamIdentity). */
  upstream: UpstreamIdentity;
  /** With the gateway identity: signs the vouch for a member's viewer that rides with the subscription. */
  vouch?: (viewer: Viewer | null, operation: VouchedOperation) => string;
  /** Credentials for the `rest` fetches: none for shared groups, the viewer's for per-viewer groups. */
  context: GatewayContext;
  /** Asks the owning subgraph again whether a member may still receive this stream (absent: standard subgraphs). */
  readmit?: (member: Subscriber) => Promise<Admission>;
  /** How often members are re-admitted (access revoked since joining ends their subscription). */
  readmitIntervalMs: number;
  /** Field of the root field's object whose value makes newer events supersede older ones. */
  conflateBy?: string | undefined;
}

/** Re-admission requests in flight per group at once. */
const READMIT_CONCURRENCY = 16;

/**
 * Subscribers that share (document, variables, authorization scope): one upstream subscription,
 * one plan execution per event, one serialised payload written to every member's socket.
 * Executions are chained so events stay in order even when entity fetches overlap.
 */
export class SubscriptionGroup {
  readonly members = new Set<Subscriber>();
  private unsubscribeUpstream: (() => void) | null = null;
  private chain: Promise<void> = Promise.resolve();
  private readonly requestContext: Parameters<typeof executeQueryPlan>[2];
  private closed = false;
  private readmitTimer: NodeJS.Timeout | null = null;
  /** Where the conflation key sits in a response: [root field response key, key field response key]. */
  private readonly conflationPath: [string, string | null] | null;

  constructor(
    readonly spec: GroupSpec,
    private readonly deps: GroupDependencies,
    private readonly onEmpty: (group: SubscriptionGroup) => void,
  ) {
    const document = parse(spec.plan.normalizedDocument);
    this.requestContext = {
      request: { query: spec.plan.normalizedDocument, variables: spec.variables, ...(spec.operationName ? { operationName: spec.operationName } : {}) },
      context: spec.context,
      logger: deps.log,
      // Required by the executor: it records error paths and trace timings on it.
      metrics: {},
      schema: deps.model.apiGraphQLSchema,
      document,
      source: spec.plan.normalizedDocument,
      operationName: spec.operationName,
      operation: spec.plan.operationContext.operation,
      queryHash: spec.key,
      schemaHash: '' as never,
      cache: undefined as never,
      overallCachePolicy: undefined,
    };
    this.conflationPath = spec.conflateBy ? conflationPathOf(spec.plan.operationContext.operation, spec.conflateBy) : null;
  }

  add(subscriber: Subscriber): void {
    if (this.closed) {
      subscriber.fail({ errors: [{ message: 'This live stream has just ended; subscribe again.', extensions: { code: 'UNAVAILABLE' } }] });
      return;
    }
    this.members.add(subscriber);
    if (!this.unsubscribeUpstream) {
      this.openUpstream();
      if (this.spec.readmit) {
        this.readmitTimer = setInterval(() => void this.readmitMembers(), this.spec.readmitIntervalMs);
        this.readmitTimer.unref();
      }
    }
  }

  remove(subscriber: Subscriber): void {
    if (!this.members.delete(subscriber) || this.members.size > 0) return;
    this.close();
  }

  /** Ends every member with `result` (e.g. the upstream was lost) and releases the upstream. */
  failAll(result: FormattedExecutionResult): void {
    for (const member of [...this.members]) member.fail(result);
    this.close();
  }

  private close() {
    if (this.closed) return;
    this.closed = true;
    if (this.readmitTimer) clearInterval(this.readmitTimer);
    this.unsubscribeUpstream?.();
    this.unsubscribeUpstream = null;
    this.onEmpty(this);
  }

  private openUpstream() {
    const { primary } = this.spec.plan;
    const variables = Object.fromEntries((primary.variableUsages ?? []).filter((name) => name in this.spec.variables).map((name) => [name, this.spec.variables[name]]));
    // Mutable on purpose: the vouch is re-signed in place before graphql-ws resends it.
    const payload: { -readonly [K in keyof SubscribePayload]: SubscribePayload[K] } = {
      query: primary.operation,
      variables,
      ...(primary.operationName ? { operationName: primary.operationName } : {}),
    };
    const vouch = this.spec.vouch;
    // The oldest member stands for the group; every member was admitted to the same stream.
    const refresh = vouch
      ? () => {
          const representative = this.members.values().next().value as Subscriber | undefined;
          payload.extensions = { [SUBSCRIPTION_VOUCH_EXTENSION]: vouch(representative?.viewer ?? null, payload) };
        }
      : undefined;
    refresh?.();
    this.unsubscribeUpstream = this.deps.upstream.subscribe(
      { url: this.deps.subgraphUrl(primary.serviceName), sign: this.deps.signerFor?.(primary.serviceName) },
      this.spec.upstream,
      payload,
      {
        next: (event) => {
          this.chain = this.chain.then(() => this.publish(event));
        },
        error: (error) => {
          // The subgraph refused the subscription (graphql-ws `error` message: its GraphQL errors) —
          // a standard subgraph's only admission — or the socket was lost for good.
          const refusal = Array.isArray(error) && error.length > 0 && error.every((e) => typeof (e as { message?: unknown }).message === 'string');
          if (!refusal) this.deps.log.warn({ err: error, group: this.spec.key }, 'upstream subscription lost');
          const errors = refusal
            ? (error as GraphQLFormattedError[]).map((e) => this.deps.formatError({ ...e, extensions: { ...e.extensions, serviceName: primary.serviceName } }, e))
            : [{ message: upstreamErrorMessage(error, primary.serviceName), extensions: { code: 'UNAVAILABLE', serviceName: primary.serviceName } }];
          this.chain = this.chain.then(() => this.failAll({ errors }));
        },
        complete: () => {
          this.chain = this.chain.then(() => {
            for (const member of [...this.members]) member.end();
            this.close();
          });
        },
      },
      refresh,
    );
  }

  /**
   * Members were admitted when they joined; access can be revoked later (removed from a private
   * room), so each is asked about again periodically and ended with the subgraph's errors if no
   * longer admitted. A subgraph that cannot be reached keeps members (the stream itself would fail).
   */
  private async readmitMembers(): Promise<void> {
    const readmit = this.spec.readmit;
    if (!readmit) return;
    const members = [...this.members];
    for (let start = 0; start < members.length; start += READMIT_CONCURRENCY) {
      await Promise.all(
        members.slice(start, start + READMIT_CONCURRENCY).map(async (member) => {
          const admission = await readmit(member);
          if ('admitted' in admission && !admission.admitted && !admission.errors.some((e) => e.extensions?.code === 'UNAVAILABLE')) member.fail({ errors: admission.errors });
        }),
      );
    }
  }

  /** Resolves the rest of the plan for one event and writes the result to every member. */
  private async publish(event: ExecutionResult): Promise<void> {
    if (this.closed) return;
    this.deps.counters.events++;
    const eventSource: GraphQLDataSource = { process: async () => event as never };
    let payload: string;
    let conflationKey: string | undefined;
    try {
      const response = await executeQueryPlan(
        this.spec.plan.eventPlan,
        { ...this.deps.dataSources, [EVENT_SOURCE]: eventSource },
        this.requestContext,
        this.spec.plan.operationContext,
        this.deps.model.supergraphGraphQLSchema,
        this.deps.model.apiSchema,
      );
      payload = JSON.stringify(this.format(response));
      if (this.conflationPath) conflationKey = conflationKeyOf(response.data, this.conflationPath);
    } catch (error) {
      this.deps.log.error({ err: error, group: this.spec.key }, 'subscription event could not be resolved');
      payload = JSON.stringify({ data: null, errors: [{ message: 'This event could not be resolved.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    }
    const counters = this.deps.counters;
    for (const member of this.members) {
      const outcome = member.deliver(payload, conflationKey);
      if (outcome === 'sent' || outcome === 'held') counters.deliveries++;
      else if (outcome === 'replaced') counters.conflated++;
      else if (outcome === 'closed-slow') counters.slowConsumersClosed++;
    }
  }

  private format(response: { data?: unknown; errors?: readonly { toJSON?(): GraphQLFormattedError }[] }): FormattedExecutionResult {
    if (!response.errors?.length) return { data: response.data as Record<string, unknown> | null };
    const owner = this.spec.plan.primary.serviceName;
    const errors = response.errors.map((error) => {
      const formatted = error.toJSON ? error.toJSON() : (error as GraphQLFormattedError);
      const extensions = formatted.extensions?.serviceName === EVENT_SOURCE ? { ...formatted.extensions, serviceName: owner } : formatted.extensions;
      return this.deps.formatError({ ...formatted, ...(extensions ? { extensions } : {}) }, error);
    });
    return { data: (response.data ?? null) as Record<string, unknown> | null, errors };
  }
}

function upstreamErrorMessage(error: unknown, serviceName: string): string {
  const detail = error instanceof Error ? error.message : Array.isArray(error) ? (error[0] as { message?: string })?.message : undefined;
  return `The live stream from ${serviceName} was lost${detail ? ` (${detail})` : ''}. Subscribe again to resume.`;
}

/** Response keys (aliases included) of the root field and of its `field` sub-selection, if selected. */
function conflationPathOf(operation: OperationDefinitionNode, field: string): [string, string | null] | null {
  const root = operation.selectionSet.selections[0];
  if (root?.kind !== Kind.FIELD) return null;
  const keyField = root.selectionSet?.selections.find((s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === field);
  return [root.alias?.value ?? root.name.value, keyField ? (keyField.alias?.value ?? keyField.name.value) : null];
}

/** The event's key; when the client did not select the key field, all events share one slot. */
function conflationKeyOf(data: unknown, [root, field]: [string, string | null]): string {
  if (field === null) return '*';
  const value = (data as Record<string, Record<string, unknown> | null> | null | undefined)?.[root]?.[field];
  return value === undefined || value === null ? '*' : String(value);
}
