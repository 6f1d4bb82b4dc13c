export * from './errors/errors';
export { createErrorFormatter } from './errors/format-error';
export * from './env/parse-env';
export * from './env/env-model';
export { envVar } from './env/env-vars';
export * from './env/models';
export { createLogger, type Logger } from './logger';
export { PeriodicJob, type PeriodicJobOptions } from './jobs/periodic-job';
export { encodeId, decodeId } from './ids';
export * from './db/database';
export * from './db/migrate';
export * from './data/pagination';
export { validate } from './data/validate';
export type { Viewer } from './auth/viewer';
export * from './auth/authorization';
export * from './auth/scopes';
export * from './auth/token-verifier';
export { enforceAccessDirectives, type AccessContext, type Policy, type Policies } from './auth/access-directives';
export { standardPolicies } from './auth/standard-policies';
export { hasRecentSecondFactor, requireRecentSecondFactor, stepUpPolicy } from './auth/step-up';
export { createFieldCipher, generateFieldKey, parseFieldKeys, loadFieldKeys, type FieldCipher, type FieldKey, type FieldKeysSource } from './crypto/field-encryption';
export { createEnvelopeCipher, type EnvelopeCipher } from './crypto/envelope';
export { createKeyedHash, type KeyedHash } from './crypto/keyed-hash';
export { rewrapRecords, type RewrapSource, type SealedField } from './crypto/rewrap';
export { clientInfoOf, CLIENT_IP_HEADER, CLIENT_USER_AGENT_HEADER, type ClientInfo } from './http/client-info';
export * from './graphql/subgraph';
export * from './graphql/subgraph-module';
export { serveSubgraph, type ServeOptions } from './graphql/serve-subgraph';
export { loadTypeDefs } from './graphql/load-type-defs';
export * from './http/graphql-handler';
export * from './http/http-server';
export { readBody, BodyTooLargeError } from './http/read-body';
export { DateTimeScalar } from './graphql/date-time-scalar';
export { uuidv7 } from './data/uuid';
export { bytea } from './data/bytea';
export { isUniqueViolation } from './db/pg-errors';
export { rowLoader, groupLoader, refreshLoaders, written, type WrittenRow } from './data/loaders';
export { parentQueryLoader, type ParentKey } from './data/parent-query-loader';
export { runSubgraphService, openPubSub, ping } from './graphql/run-service';
export * from './pubsub/pubsub';
export { createRedisPubSub } from './pubsub/redis-pubsub';
export { topicStream, StreamOverflowError, SHARE_KEY, CONFLATE_BY, type TopicStreamOptions } from './pubsub/topic-stream';
export { ADMISSION_HEADER, type AdmissionResult } from './graphql/subscription-admission';
export { authorizationFrom } from './graphql/subscription-server';
export {
  GATEWAY_TOKEN_HEADER,
  GATEWAY_TOKEN_LIFETIME_SECONDS,
  SUBSCRIPTION_VOUCH_EXTENSION,
  gatewayRequestSigner,
  signGatewayRequest,
  signSubscriptionVouch,
  verifyGatewayRequest,
  verifySubscriptionVouch,
  type GatewayRequestSigner,
  type GatewaySignedRequest,
  type VouchedOperation,
} from './auth/gateway-trust';
export { setupTracing, tracingEnabled, injectTraceHeaders, contextFromHeaders, inSpan, tracer, type TracingOptions } from './observability/tracing';
export { createTokenKeySet, type TokenKeySet } from './auth/token-keys';
export { currentRequestId, inRequestScope } from './observability/request-scope';
export { freePort, waitUntilOk } from './http/free-port';
export { generateSigningKey } from './auth/signing-key';
export { GATEWAY_PATHS, GATEWAY_PREFIXES } from './http/gateway-paths';
export { createMemoryCacheStores, type CacheStore, type CacheStores, type CacheStoreOptions } from './cache/cache-store';
export { createRedisCacheStores } from './cache/redis-cache-store';
export { createMemoryCounterStore, redisCounterStore, type CounterStore } from './cache/counter-store';
export { createMemoryLeaseStore, redisLeaseStore, type LeaseStore } from './cache/lease-store';
export { API_CALLS_METER, monthlyUsageKey, utcMonthOf, USAGE_NAMESPACE, USAGE_RETENTION_MS, type UtcMonth } from './cache/monthly-usage';
export { openCacheStores } from './cache/open-cache-stores';
export { publicPathTable, matchPublicPath, type PublicPath } from './http/public-paths';
export { defineEvents, event, type EventCatalog, type EventDefinition, type EventEnvelope, type DeliveredEvent, type EventTypeOf, type PayloadOf } from './events/catalog';
export type { Outbox, EmitOptions, PendingEvent } from './events/outbox';
export type { EventHandler, EventHandlerContext, ConsumerOptions } from './events/consumer';
export { openEventBus, createEventBus, DEFAULT_EVENTS_CONFIG, requestReplay, type EventBus, type EventsConfig, type SubgraphEvents } from './events/event-bus';
export { listDeadLetters, type ReplayResult } from './events/dead-letters';
export { eventTables, type DeadLetterRow, type OutboxRow } from './events/tables';
export { EVENT_TABLE_MIGRATIONS } from './events/migrations';
export { createInProcessTransport } from './events/in-process-transport';
export { createRabbitMqTransport } from './events/rabbitmq-transport';
export type { Transport } from './events/transport';
export { withDeadLetterAdmin, deadLetterAdminResolvers, mergeResolvers } from './events/admin-schema';
export type { TenantMembership } from './auth/viewer';
export { TENANT_APP_ROLE, TENANT_SETTINGS, NO_TENANT_SCOPE, tenantScopeOf, withTenant, bindTenant, tenantDb, type TenantScope, type TenantDb } from './db/tenant-scope';
export { openAppSqlClient, type AppRoleConfig } from './db/app-connection';
export { type Mailer, type MailMessage } from './mail/mailer';
export { logMailer } from './mail/log-mailer';
export { smtpMailer } from './mail/smtp-mailer';
