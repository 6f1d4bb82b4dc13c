import { operationFromDocument } from '@apollo/federation-internals';
import { buildOperationContext } from '@apollo/gateway';
import type { FetchNode, QueryPlan } from '@apollo/query-planner';
import {
  getNamedType,
  GraphQLError,
  isObjectType,
  isInterfaceType,
  Kind,
  OperationTypeNode,
  print,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type OperationDefinitionNode,
} from 'graphql';
import type { SupergraphModel } from './supergraph-model';

export type OperationContext = ReturnType<typeof buildOperationContext>;

/** The service name under which the upstream event is fed into the plan executor. */
export const EVENT_SOURCE = '__mosaic_subscription_event__';

export interface SubscriptionPlan {
  /** The subscription sent to the owning subgraph (its real name and operation). */
  primary: FetchNode;
  /** `Sequence(primary-from-event, rest)`: executed once per event with the gateway's executor. */
  eventPlan: QueryPlan;
  operationContext: OperationContext;
  /** The client document, normalised: the group key. */
  normalizedDocument: string;
  /** True when the selection reads a field whose value may differ per viewer. */
  viewerDependent: boolean;
}

export class SubscriptionPlanningError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: 'BAD_USER_INPUT' } });
  }
}

/**
 * Plans a client subscription against the supergraph. @apollo/gateway's own executor refuses a
 * `Subscription` plan node, but a `Sequence` of the primary fetch and the `rest` executes fine
 * when the primary's service name points at a data source that returns the event (EVENT_SOURCE),
 * while the `rest` keeps the real subgraph names (they may call back into the owning subgraph).
 */
export function planSubscription(model: SupergraphModel, document: DocumentNode, operationName: string | null): SubscriptionPlan {
  const operationContext = buildOperationContext({ schema: model.apiGraphQLSchema, operationDocument: document, ...(operationName ? { operationName } : {}) });
  const operation = operationContext.operation;
  if (operation.operation !== OperationTypeNode.SUBSCRIPTION) throw new SubscriptionPlanningError('Only subscriptions are planned here.');
  assertSupportedRootField(operation);
  const plan = model.planner.buildQueryPlan(operationFromDocument(model.apiSchema, document, operationName ? { operationName } : {}));
  const node = plan.node;
  if (node?.kind !== 'Subscription') throw new SubscriptionPlanningError('This subscription selects nothing that can be streamed.');
  const primaryFromEvent: FetchNode = { ...node.primary, serviceName: EVENT_SOURCE };
  return {
    primary: node.primary,
    eventPlan: { kind: 'QueryPlan', node: node.rest ? { kind: 'Sequence', nodes: [primaryFromEvent, node.rest] } : primaryFromEvent },
    operationContext,
    normalizedDocument: print(document),
    viewerDependent: readsViewerDependentField(model, document, operation),
  };
}

/** Throws SubscriptionPlanningError for root-field directives and incremental delivery. */
export function assertSupportedRootField(operation: OperationDefinitionNode) {
  for (const selection of operation.selectionSet.selections) {
    if (selection.directives?.some((d) => d.name.value === 'skip' || d.name.value === 'include')) {
      throw new SubscriptionPlanningError('@skip and @include are not allowed on the root field of a subscription: subscribe or do not.');
    }
  }
  visit(operation, {
    Directive(node) {
      if (node.name.value === 'defer' || node.name.value === 'stream') {
        throw new SubscriptionPlanningError(`@${node.name.value} is not supported in subscriptions; every event is delivered whole.`);
      }
    },
  });
}

/** Every field below the root field, and its parent and return types, checked against access directives. */
function readsViewerDependentField(model: SupergraphModel, document: DocumentNode, operation: OperationDefinitionNode): boolean {
  const typeInfo = new TypeInfo(model.apiGraphQLSchema);
  // The root field is authorized by admission (with each subscriber's own credentials).
  const rootFields = new Set(operation.selectionSet.selections);
  const selected = { ...document, definitions: document.definitions.filter((d) => d.kind !== Kind.OPERATION_DEFINITION || d === operation) };
  let dependent = false;
  visit(
    selected,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        if (!parent || !field || rootFields.has(node)) return;
        const returned = getNamedType(field.type);
        if (
          model.viewerDependent.has(parent.name) ||
          model.viewerDependent.has(`${parent.name}.${field.name}`) ||
          ((isObjectType(returned) || isInterfaceType(returned)) && model.viewerDependent.has(returned.name))
        ) {
          dependent = true;
        }
      },
    }),
  );
  return dependent;
}
