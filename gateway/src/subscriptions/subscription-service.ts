import { randomUUID } from 'node:crypto';
import type { ServiceMap } from '@apollo/gateway';
import { getVariableValues, GraphQLError, type DocumentNode, type FormattedExecutionResult, type GraphQLFormattedError, type OperationDefinitionNode } from 'graphql';
import { signSubscriptionVouch, type GatewayRequestSigner, type Logger, type Viewer } from '@mosaic/kit';
import { canonicalJson } from '../canonical-json';
import { createSubgraphHttpClient, type SubgraphHttpClient } from '../fetch/http-client';
import { requestAdmission, type Admission } from './admission-client';
import { planSubscription, type SubscriptionPlan } from './plan-subscription';
import { Subscriber, type DeliveryLimits } from './subscriber';
import type { SubscriberSocket } from './subscriber-socket';
import { SubscriptionGroup, type GroupDependencies } from './subscription-group';
import type { SupergraphModel } from './supergraph-model';
import { UpstreamPool, type UpstreamIdentity } from './upstream-pool';

export interface SubscriptionServiceOptions {
  model: SupergraphModel;
  dataSources: ServiceMap;
  subgraphUrl(name: string): string;
  formatError(error: GraphQLFormattedError, original: unknown): GraphQLFormattedError;
  log: Logger;
  delivery: DeliveryLimits;
  upstreamRetryAttempts?: number;
  /** See GroupSpec.readmitIntervalMs; one minute by default. */
  readmitIntervalMs?: number;
  /**
   * The gateway secret: requests to subgraphs are signed with it, and upstream subscriptions to
   * Mosaic subgraphs carry the gateway's vouch instead of a subscriber's token. Without it (local
   * development only) the first member's token is used upstream.
   */
  gatewaySecret?: string | undefined;
  signerFor?: ((serviceName: string) => GatewayRequestSigner) | undefined;
}

export interface SubscribeRequest {
  socket: SubscriberSocket;
  operationId: string;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  operationName: string | null;
  variables: Record<string, unknown> | null | undefined;
  viewer: Viewer | null;
  authorization: string | undefined;
}

const PLAN_CACHE_SIZE = 500;

/** What the first member of a group tells it; kept small, as every subscriber holds one. */
interface Joining {
  plan: SubscriptionPlan;
  variables: Record<string, unknown>;
  operationName: string | null;
  viewer: Viewer | null;
  authorization: string | undefined;
  perViewer: boolean;
  requestId: string;
  /** Absent for standard subgraphs: nothing to ask them again. */
  admit: ((authorization: string | undefined) => Promise<Admission>) | undefined;
  conflateBy: string | undefined;
  /** A standard subgraph: upstream with the subscriber's own token, as any federation gateway does. */
  standard: boolean;
}

const STANDARD: Admission = { standard: true };

/**
 * Federated subscriptions: plans each client subscription, admits the client through the owning
 * subgraph, and places it in a group keyed by (normalised document, variables, authorization
 * scope) — the scope being the subgraph's share key, plus the viewer whenever the selection reads
 * a field whose value may differ per viewer.
 */
export class SubscriptionService {
  private readonly groups = new Map<string, SubscriptionGroup>();
  /** Running totals for metrics. */
  readonly counters = { events: 0, deliveries: 0, conflated: 0, slowConsumersClosed: 0 };
  private readonly plans = new Map<string, SubscriptionPlan>();
  private readonly upstream: UpstreamPool;
  private readonly groupDependencies: GroupDependencies;
  private readonly admissionClients = new Map<string, SubgraphHttpClient>();
  /** Owning subgraphs found not to speak the admission protocol. */
  private readonly standardSubgraphs = new Set<string>();

  constructor(private readonly options: SubscriptionServiceOptions) {
    this.upstream = new UpstreamPool({ log: options.log, retryAttempts: options.upstreamRetryAttempts ?? 5 });
    this.groupDependencies = { ...options, upstream: this.upstream, counters: this.counters };
  }

  /** graphql-ws `subscribe`: an iterable to stream, or a single error result. */
  async subscribe(request: SubscribeRequest): Promise<AsyncIterableIterator<FormattedExecutionResult> | FormattedExecutionResult> {
    const requestId = randomUUID();
    let plan: SubscriptionPlan;
    let variables: Record<string, unknown>;
    try {
      plan = this.planFor(request.document, request.operationName);
      variables = this.coerceVariables(request.operation, request.variables);
    } catch (error) {
      return { errors: [this.formatThrown(error)] };
    }
    const owner = plan.primary.serviceName;
    const primaryVariables = pick(variables, plan.primary.variableUsages ?? []);
    const http = this.admissionClient(owner);
    const admit = (authorization: string | undefined) => requestAdmission(http, plan.primary, primaryVariables, authorization, requestId);
    const admission = this.standardSubgraphs.has(owner) ? STANDARD : await admit(request.authorization);
    const { operationName, viewer, authorization } = request;
    let key: string;
    let joining: Joining;
    if ('standard' in admission) {
      this.standardSubgraphs.add(owner);
      // One group (and one upstream subscription) per subscriber: nothing says two may share.
      key = `standard\n${randomUUID()}`;
      joining = { plan, variables, operationName, viewer, authorization, perViewer: true, requestId, admit: undefined, conflateBy: undefined, standard: true };
    } else {
      if (!admission.admitted) return { errors: admission.errors };
      const perViewer = plan.viewerDependent || admission.shareKey.startsWith('viewer:');
      const scope = perViewer ? `viewer:${viewer?.userId ?? 'anonymous'}` : admission.shareKey;
      key = `${plan.normalizedDocument}\n${operationName ?? ''}\n${canonicalJson(variables)}\n${scope}`;
      joining = { plan, variables, operationName, viewer, authorization, perViewer, requestId, admit, conflateBy: admission.conflateBy, standard: false };
    }
    const subscriber = new Subscriber(
      request.socket,
      request.operationId,
      viewer,
      authorization,
      this.options.delivery,
      (member) => this.join(key, member, joining),
      (member) => this.groups.get(key)?.remove(member),
    );
    return subscriber.stream;
  }

  stats() {
    let subscribers = 0;
    for (const group of this.groups.values()) subscribers += group.members.size;
    return { groups: this.groups.size, subscribers, upstreamSockets: this.upstream.openSockets };
  }

  /** Ends every subscription (schema reload, shutdown) with a message telling clients to resubscribe. */
  async close(reason = 'The gateway is restarting; subscribe again.'): Promise<void> {
    for (const group of [...this.groups.values()]) group.failAll({ errors: [{ message: reason, extensions: { code: 'UNAVAILABLE' } }] });
    await this.upstream.close();
    for (const client of this.admissionClients.values()) client.close();
  }

  private join(key: string, member: Subscriber, joining: Joining) {
    const { plan, variables, operationName, viewer, authorization, perViewer, requestId, admit } = joining;
    let group = this.groups.get(key);
    if (!group) {
      group = new SubscriptionGroup(
        {
          key,
          plan,
          variables,
          operationName,
          upstream: this.upstreamIdentity(joining),
          ...(this.options.gatewaySecret && !joining.standard ? { vouch: this.voucherFor(plan.primary.serviceName) } : {}),
          // Shared groups resolve entity fields anonymously: by construction they select none that need a viewer.
          context: { requestId, viewer: perViewer ? viewer : null, authorization: perViewer ? authorization : undefined },
          ...(admit ? { readmit: (subscriber: Subscriber) => admit(subscriber.authorization) } : {}),
          readmitIntervalMs: this.options.readmitIntervalMs ?? 60_000,
          conflateBy: joining.conflateBy,
        },
        this.groupDependencies,
        (ended) => {
          if (this.groups.get(key) === ended) this.groups.delete(key);
        },
      );
      this.groups.set(key, group);
    }
    group.add(member);
  }

  /** The gateway's own identity upstream when it can vouch (a secret, a Mosaic subgraph); else the subscriber's token. */
  private upstreamIdentity(joining: Joining): UpstreamIdentity {
    return this.options.gatewaySecret && !joining.standard ? { kind: 'gateway' } : { kind: 'subscriber', authorization: joining.authorization };
  }

  private voucherFor(serviceName: string) {
    const secret = this.options.gatewaySecret!;
    return (viewer: Viewer | null, operation: Parameters<typeof signSubscriptionVouch>[3]) => signSubscriptionVouch(secret, serviceName, viewer, operation);
  }

  private admissionClient(serviceName: string): SubgraphHttpClient {
    let client = this.admissionClients.get(serviceName);
    if (!client) {
      client = createSubgraphHttpClient(this.options.subgraphUrl(serviceName), { maxSockets: 32, sign: this.options.signerFor?.(serviceName) });
      this.admissionClients.set(serviceName, client);
    }
    return client;
  }

  private planFor(document: DocumentNode, operationName: string | null): SubscriptionPlan {
    const cacheKey = `${operationName ?? ''}\n${JSON.stringify(document.loc?.source.body ?? document)}`;
    let plan = this.plans.get(cacheKey);
    if (!plan) {
      plan = planSubscription(this.options.model, document, operationName);
      if (this.plans.size >= PLAN_CACHE_SIZE) this.plans.delete(this.plans.keys().next().value!);
      this.plans.set(cacheKey, plan);
    }
    return plan;
  }

  private coerceVariables(operation: OperationDefinitionNode, inputs: Record<string, unknown> | null | undefined): Record<string, unknown> {
    const coerced = getVariableValues(this.options.model.apiGraphQLSchema, operation.variableDefinitions ?? [], inputs ?? {});
    if (coerced.errors) throw coerced.errors[0]!;
    return coerced.coerced;
  }

  private formatThrown(error: unknown): GraphQLFormattedError {
    if (error instanceof GraphQLError) {
      const formatted = error.toJSON();
      return this.options.formatError({ ...formatted, extensions: { code: 'BAD_USER_INPUT', ...formatted.extensions } }, error);
    }
    return this.options.formatError({ message: String(error) }, error);
  }
}

function pick(values: Record<string, unknown>, names: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(names.filter((name) => name in values).map((name) => [name, values[name]]));
}
