/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type CompleteLoginInput = {
  /** `extensions.challenge` of the SECOND_FACTOR_REQUIRED error login answered with. */
  challenge: string;
  /** The 6-digit code from the authenticator app, or an unused recovery code. */
  code: string;
};

export type CoordinatesInput = {
  /** -90 to 90. */
  latitude: number;
  /** -180 to 180. */
  longitude: number;
};

export type CreateNoteInput = {
  /** Markdown or plain text, at most 100,000 characters. Empty if omitted. */
  body?: string | null | undefined;
  /** Pin the note right away; false if omitted. */
  pinned?: boolean | null | undefined;
  /**
   * Share the note with the organization your token is switched to (switchOrganization): its
   * members can read it; only you change it. Personal if omitted.
   */
  shared?: boolean | null | undefined;
  /**
   * Each tag: letters, digits, "-" or "_", 1 to 50 characters; stored trimmed and in lower case,
   * duplicates dropped. At most 20.
   */
  tags?: Array<string> | null | undefined;
  /** At most 200 characters, one line; surrounding spaces are trimmed. Empty if omitted. */
  title?: string | null | undefined;
};

export type CreatePriceAlertInput = {
  condition: PriceAlertCondition;
  /** PERCENT_MOVE only: 0.01 to 100 percent, at most two decimals. */
  percent?: number | null | undefined;
  /** ABOVE / BELOW only: the threshold in minor units (cents), a positive whole number. */
  price?: number | null | undefined;
  /** A known symbol (case-insensitive). */
  symbol: string;
  /** PERCENT_MOVE only: 1 to 1440 minutes. */
  windowMinutes?: number | null | undefined;
};

export type CreateTodoInput = {
  /** Up to 10,000 characters; an empty string stores no description. */
  description?: string | null | undefined;
  dueAt?: string | null | undefined;
  /** Your labels to put on it (up to 20). */
  labelIds?: Array<string | number> | null | undefined;
  /** Makes it a subtask of this todo; it then goes to the parent's project (leave projectId out or give the same). */
  parentId?: string | number | null | undefined;
  priority?: TodoPriority | null | undefined;
  /** The project to add it to (you must be able to edit it); default: your Inbox. */
  projectId?: string | number | null | undefined;
  /**
   * An RFC 5545 RRULE such as "FREQ=DAILY", "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH",
   * "FREQ=MONTHLY;BYMONTHDAY=-1" or "FREQ=YEARLY;BYMONTH=11;BYDAY=4TH" (up to 200 characters).
   * Supported: FREQ (DAILY, WEEKLY, MONTHLY, YEARLY), INTERVAL, COUNT or UNTIL, BYDAY, BYMONTHDAY,
   * BYMONTH, BYSETPOS, WKST. Without `dueAt`, the todo becomes due at the rule's first occurrence
   * after now (times of day follow that moment).
   */
  recurrence?: string | null | undefined;
  /** A section of that project. */
  sectionId?: string | number | null | undefined;
  /**
   * Share the todo with the organization your token is switched to (switchOrganization): every
   * member sees and changes it; it stays with the organization when you leave. Default: personal.
   */
  shared?: boolean | null | undefined;
  /** 1 to 500 characters on one line; surrounding space is trimmed. */
  title: string;
};

export type LoginInput = {
  email: string;
  password: string;
};

/** What makes a price alert fire. */
export type PriceAlertCondition =
  /** A trade at or above `price`. */
  | 'ABOVE'
  /** A trade at or below `price`. */
  | 'BELOW'
  /**
   * A trade at least `percent` above the lowest, or below the highest, price traded within the last
   * `windowMinutes` (counting only trades since the alert was armed).
   */
  | 'PERCENT_MOVE';

export type PriceAlertStatus =
  /** Evaluated against every trade; fires once. */
  | 'ARMED'
  /** Fired; stays silent until `rearmPriceAlert`. */
  | 'TRIGGERED';

/** How a short link redirects. */
export type RedirectType =
  /** 301 Moved Permanently: browsers and search engines may remember the target. */
  | 'PERMANENT'
  /** 302 Found: every visit asks the shortener again (the default). */
  | 'TEMPORARY';

export type RegisterInput = {
  /** Shown to others; defaults to the part of the email before @. */
  displayName?: string | null | undefined;
  /** A valid email address; stored in lower case. */
  email: string;
  /** 10 to 128 characters, not a commonly used password and not containing your email name. */
  password: string;
};

export type Role =
  /** May list users and change their roles. */
  | 'ADMIN'
  /** Writes and publishes their own blog posts. */
  | 'AUTHOR'
  /** Edits and moderates any blog post and comment. */
  | 'EDITOR'
  /** Runs the shop: catalog, inventory, orders, refunds and promotions. */
  | 'STAFF'
  /** Every registered user. */
  | 'USER';

export type SendMessageInput = {
  /** A message of the same room that this one answers. */
  replyToId?: string | number | null | undefined;
  roomId: string | number;
  /** 1 to 4000 characters once surrounding whitespace is trimmed; line breaks inside are kept. */
  text: string;
  /**
   * Posts the message as a reply in the thread of this message (of the same room, and not itself a
   * reply in a thread): it is listed by `Thread.replies`, not in the room's main timeline.
   */
  threadRootId?: string | number | null | undefined;
};

export type ShortenLinkInput = {
  /**
   * A custom code instead of a generated one: 3 to 64 letters, digits, "-" or "_", not already taken
   * (ignoring case) and not a reserved word such as "graphql" or "healthz".
   */
  alias?: string | null | undefined;
  /** Must be in the future. */
  expiresAt?: string | null | undefined;
  /** 1 to 1,000,000,000. */
  maxVisits?: number | null | undefined;
  /** 4 to 200 characters; visitors must enter it before they are redirected. */
  password?: string | null | undefined;
  redirectType?: RedirectType | null | undefined;
  /** Up to 20 tags of 1 to 50 characters each; stored in lower case. */
  tags?: Array<string> | null | undefined;
  /** Up to 300 characters on one line; when omitted, the target page's title is fetched in the background. */
  title?: string | null | undefined;
  /** http or https, up to 2,048 characters; not a link to this shortener itself, nor to a blocked host. */
  url: string;
};

/**
 * Narrows a todo list. Every condition given must hold; an omitted (or null) condition does not
 * filter.
 */
export type TodoFilter = {
  /** true: only done todos; false: only open ones. */
  done?: boolean | null | undefined;
  /** Only todos due at or after this instant (undated todos are left out). */
  dueAfter?: string | null | undefined;
  /** Only todos due strictly before this instant (undated todos are left out). */
  dueBefore?: string | null | undefined;
  /** Only todos carrying this label. */
  labelId?: string | number | null | undefined;
  /** true: only open todos whose due date has passed; false: every todo that is not overdue. */
  overdue?: boolean | null | undefined;
  /** Only todos with one of these priorities. */
  priority?: Array<TodoPriority> | null | undefined;
  /** Only todos in this project (one you can see). */
  projectId?: string | number | null | undefined;
  /** Only todos whose title contains this text, ignoring case (1 to 200 characters; % and _ match themselves). */
  search?: string | null | undefined;
  /** Only todos under this section. */
  sectionId?: string | number | null | undefined;
};

/** How urgent a todo is. `orderBy: { field: PRIORITY, direction: DESC }` lists URGENT first. */
export type TodoPriority =
  | 'HIGH'
  | 'LOW'
  | 'MEDIUM'
  | 'NONE'
  | 'URGENT';

export type TransactionKind =
  | 'CANCELLATION'
  | 'CONTRACT_CALL'
  | 'CONTRACT_DEPLOYMENT'
  | 'FUNDING'
  | 'TOKEN_TRANSFER'
  | 'TRANSFER';

export type TransactionStatus =
  /** In a block with at least `confirmationsRequired` blocks on top, and succeeded. */
  | 'CONFIRMED'
  /** Mined but reverted (see `revertReason`), or dropped by the network. */
  | 'FAILED'
  /** In a block, with fewer than `confirmationsRequired` blocks on top. */
  | 'MINED'
  /** Accepted by the network, not yet in a block. */
  | 'PENDING'
  /** Another transaction with the same nonce was mined instead (speed-up, cancel or a foreign send). */
  | 'REPLACED';

export type TransferInput = {
  /** Wei, or the token's smallest unit when `token` is set. */
  amount: string;
  /** Refuse to sign unless the network's chain id is this one. */
  chainId?: number | null | undefined;
  /** Gas limit, 21000 to the block gas limit; estimated when omitted. */
  gasLimit?: string | null | undefined;
  maxFeePerGas?: string | null | undefined;
  maxPriorityFeePerGas?: string | null | undefined;
  /** Recipient address (EIP-55 checksum enforced for mixed case). */
  to: string;
  /** An ERC-20 contract address: send that token instead of the native currency. */
  token?: string | null | undefined;
  walletId: string | number;
};

/**
 * What the sky is doing, grouped from the WMO weather codes Open-Meteo uses (OpenWeatherMap's
 * condition ids are mapped onto them).
 */
export type WeatherCondition =
  | 'CLEAR'
  | 'DRIZZLE'
  | 'FOG'
  | 'FREEZING_DRIZZLE'
  | 'FREEZING_RAIN'
  | 'MAINLY_CLEAR'
  | 'OVERCAST'
  | 'PARTLY_CLOUDY'
  | 'RAIN'
  | 'RAIN_SHOWERS'
  | 'SNOW'
  | 'SNOW_SHOWERS'
  | 'THUNDERSTORM'
  | 'THUNDERSTORM_WITH_HAIL';

export type SessionFragment = { __typename: 'AuthPayload', accessToken: string, accessTokenExpiresAt: string, refreshToken: string, refreshTokenExpiresAt: string, user: { __typename: 'User', id: string, email: string | null, displayName: string, roles: Array<Role> | null } };

export type WebLoginMutationVariables = Exact<{
  input: LoginInput;
}>;


export type WebLoginMutation = { __typename: 'Mutation', login: { __typename: 'AuthPayload', accessToken: string, accessTokenExpiresAt: string, refreshToken: string, refreshTokenExpiresAt: string, user: { __typename: 'User', id: string, email: string | null, displayName: string, roles: Array<Role> | null } } };

export type WebCompleteLoginMutationVariables = Exact<{
  input: CompleteLoginInput;
}>;


export type WebCompleteLoginMutation = { __typename: 'Mutation', completeLogin: { __typename: 'AuthPayload', accessToken: string, accessTokenExpiresAt: string, refreshToken: string, refreshTokenExpiresAt: string, user: { __typename: 'User', id: string, email: string | null, displayName: string, roles: Array<Role> | null } } };

export type WebRegisterMutationVariables = Exact<{
  input: RegisterInput;
}>;


export type WebRegisterMutation = { __typename: 'Mutation', register: { __typename: 'AuthPayload', accessToken: string, accessTokenExpiresAt: string, refreshToken: string, refreshTokenExpiresAt: string, user: { __typename: 'User', id: string, email: string | null, displayName: string, roles: Array<Role> | null } } };

export type WebRefreshSessionMutationVariables = Exact<{
  refreshToken: string;
}>;


export type WebRefreshSessionMutation = { __typename: 'Mutation', refreshSession: { __typename: 'AuthPayload', accessToken: string, accessTokenExpiresAt: string, refreshToken: string, refreshTokenExpiresAt: string, user: { __typename: 'User', id: string, email: string | null, displayName: string, roles: Array<Role> | null } } };

export type WebLogoutMutationVariables = Exact<{
  refreshToken: string;
}>;


export type WebLogoutMutation = { __typename: 'Mutation', logout: boolean };

export type WebViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type WebViewerQuery = { __typename: 'Query', me: { __typename: 'User', id: string, email: string | null, displayName: string, roles: Array<Role> | null, twoFactor: { __typename: 'TwoFactorStatus', enabled: boolean } | null } | null };

export type WebTwoFactorStatusQueryVariables = Exact<{ [key: string]: never; }>;


export type WebTwoFactorStatusQuery = { __typename: 'Query', me: { __typename: 'User', id: string, twoFactor: { __typename: 'TwoFactorStatus', enabled: boolean, recoveryCodesRemaining: number } | null } | null };

export type WebBeginTotpEnrollmentMutationVariables = Exact<{ [key: string]: never; }>;


export type WebBeginTotpEnrollmentMutation = { __typename: 'Mutation', beginTotpEnrollment: { __typename: 'TotpEnrollment', secret: string, otpauthUri: string, qrCodeDataUrl: string } | null };

export type WebConfirmTotpEnrollmentMutationVariables = Exact<{
  code: string;
}>;


export type WebConfirmTotpEnrollmentMutation = { __typename: 'Mutation', confirmTotpEnrollment: { __typename: 'TwoFactorEnabled', recoveryCodes: Array<string>, accessToken: string, accessTokenExpiresAt: string } | null };

export type WebWalletsQueryVariables = Exact<{ [key: string]: never; }>;


export type WebWalletsQuery = { __typename: 'Query', chainNetwork: { __typename: 'ChainNetwork', name: string, currencySymbol: string, latestBlock: string }, me: { __typename: 'User', id: string, wallets: { __typename: 'WalletConnection', edges: Array<{ __typename: 'WalletEdge', node: { __typename: 'Wallet', id: string, label: string, address: string, balance: string, transactions: { __typename: 'TransactionConnection', edges: Array<{ __typename: 'TransactionEdge', node: { __typename: 'Transaction', id: string, kind: TransactionKind, status: TransactionStatus, confirmations: number, value: string, to: string | null, hash: string } }> } } }> } | null } | null };

export type WebSendTransferMutationVariables = Exact<{
  input: TransferInput;
}>;


export type WebSendTransferMutation = { __typename: 'Mutation', sendTransfer: { __typename: 'Transaction', id: string, kind: TransactionKind, status: TransactionStatus, confirmations: number, value: string, to: string | null, hash: string } | null };

export type WebTransactionUpdatedSubscriptionVariables = Exact<{
  walletId?: string | number | null | undefined;
}>;


export type WebTransactionUpdatedSubscription = { transactionUpdated: { __typename: 'Transaction', id: string, status: TransactionStatus, confirmations: number } | null };

export type WebChatRoomsQueryVariables = Exact<{ [key: string]: never; }>;


export type WebChatRoomsQuery = { __typename: 'Query', chatRooms: { __typename: 'RoomConnection', edges: Array<{ __typename: 'RoomEdge', node: { __typename: 'Room', id: string, name: string, description: string | null, memberCount: number, unreadCount: number | null, lastActivityAt: string } }> } | null };

export type WebRoomMessagesQueryVariables = Exact<{
  id: string | number;
}>;


export type WebRoomMessagesQuery = { __typename: 'Query', room: { __typename: 'Room', id: string, name: string, messages: { __typename: 'MessageConnection', edges: Array<{ __typename: 'MessageEdge', node: { __typename: 'Message', id: string, text: string, createdAt: string, author: { __typename: 'User', id: string, displayName: string } } }> } } | null };

export type ChatMessageFragment = { __typename: 'Message', id: string, text: string, createdAt: string, author: { __typename: 'User', id: string, displayName: string } };

export type WebSendMessageMutationVariables = Exact<{
  input: SendMessageInput;
}>;


export type WebSendMessageMutation = { __typename: 'Mutation', sendMessage: { __typename: 'Message', id: string, text: string, createdAt: string, author: { __typename: 'User', id: string, displayName: string } } | null };

export type WebMarkRoomReadMutationVariables = Exact<{
  roomId: string | number;
  upToMessageId?: string | number | null | undefined;
}>;


export type WebMarkRoomReadMutation = { __typename: 'Mutation', markRoomRead: { __typename: 'Room', id: string, unreadCount: number | null } | null };

export type WebSetTypingMutationVariables = Exact<{
  roomId: string | number;
  isTyping: boolean;
}>;


export type WebSetTypingMutation = { __typename: 'Mutation', setTyping: { __typename: 'TypingEvent', roomId: string, isTyping: boolean } | null };

export type WebMessageEventsSubscriptionVariables = Exact<{
  roomId: string | number;
  after?: string | number | null | undefined;
}>;


export type WebMessageEventsSubscription = { messageEvents:
    | { __typename: 'MessageAdded', message: { __typename: 'Message', id: string, text: string, createdAt: string, author: { __typename: 'User', id: string, displayName: string } } }
    | { __typename: 'MessageDeleted', messageId: string }
    | { __typename: 'MessageEdited', message: { __typename: 'Message', id: string, text: string, editedAt: string | null } }
    | { __typename: 'MessagePreviewAdded' }
    | { __typename: 'MessageReactionsChanged' }
   | null };

export type WebTypingSubscriptionVariables = Exact<{
  roomId: string | number;
}>;


export type WebTypingSubscription = { typing: { __typename: 'TypingEvent', isTyping: boolean, expiresAt: string, user: { __typename: 'User', id: string, displayName: string } } | null };

export type WebLinksQueryVariables = Exact<{ [key: string]: never; }>;


export type WebLinksQuery = { __typename: 'Query', me: { __typename: 'User', id: string, links: { __typename: 'LinkConnection', edges: Array<{ __typename: 'LinkEdge', node: { __typename: 'Link', id: string, code: string, shortUrl: string, targetUrl: string, title: string | null, visitCount: number, stats: { __typename: 'LinkStats', totalVisits: number, uniqueVisitors: number, byDay: Array<{ __typename: 'DailyVisits', date: string, visits: number }> } | null } }> } | null } | null };

export type WebShortenLinkMutationVariables = Exact<{
  input: ShortenLinkInput;
}>;


export type WebShortenLinkMutation = { __typename: 'Mutation', shortenLink: { __typename: 'Link', id: string, code: string, shortUrl: string, targetUrl: string, title: string | null, visitCount: number, stats: { __typename: 'LinkStats', totalVisits: number, uniqueVisitors: number, byDay: Array<{ __typename: 'DailyVisits', date: string, visits: number }> } | null } };

export type WebNotesQueryVariables = Exact<{
  search?: string | null | undefined;
}>;


export type WebNotesQuery = { __typename: 'Query', me: { __typename: 'User', id: string, notes: { __typename: 'NoteConnection', totalCount: number, edges: Array<{ __typename: 'NoteEdge', highlight: { __typename: 'NoteHighlight', text: string, matches: Array<{ __typename: 'NoteTextRange', start: number, length: number }> } | null, node: { __typename: 'Note', id: string, title: string, body: string, tags: Array<string>, pinned: boolean, updatedAt: string } }> } | null } | null };

export type WebCreateNoteMutationVariables = Exact<{
  input: CreateNoteInput;
}>;


export type WebCreateNoteMutation = { __typename: 'Mutation', createNote: { __typename: 'Note', id: string, title: string, body: string, tags: Array<string>, pinned: boolean, updatedAt: string } | null };

export type WebPinNoteMutationVariables = Exact<{
  id: string | number;
}>;


export type WebPinNoteMutation = { __typename: 'Mutation', pinNote: { __typename: 'Note', id: string, pinned: boolean } | null };

export type WebUnpinNoteMutationVariables = Exact<{
  id: string | number;
}>;


export type WebUnpinNoteMutation = { __typename: 'Mutation', unpinNote: { __typename: 'Note', id: string, pinned: boolean } | null };

export type WebDeleteNoteMutationVariables = Exact<{
  id: string | number;
}>;


export type WebDeleteNoteMutation = { __typename: 'Mutation', deleteNote: string | null };

export type WebInstrumentsQueryVariables = Exact<{ [key: string]: never; }>;


export type WebInstrumentsQuery = { __typename: 'Query', instruments: Array<{ __typename: 'Instrument', id: string, symbol: string, name: string, currency: string, priceDecimals: number, quote: { __typename: 'Quote', symbol: string, last: number, changePercent: number | null, at: string } | null }> };

export type WebCandlesQueryVariables = Exact<{
  symbol: string;
}>;


export type WebCandlesQuery = { __typename: 'Query', instrument: { __typename: 'Instrument', id: string, symbol: string, priceDecimals: number, candles: { __typename: 'CandleConnection', edges: Array<{ __typename: 'CandleEdge', node: { __typename: 'Candle', start: string, open: number, high: number, low: number, close: number } }> } } | null };

export type WebPriceAlertsQueryVariables = Exact<{ [key: string]: never; }>;


export type WebPriceAlertsQuery = { __typename: 'Query', me: { __typename: 'User', id: string, priceAlerts: Array<{ __typename: 'PriceAlert', id: string, condition: PriceAlertCondition, price: number | null, percent: number | null, status: PriceAlertStatus, triggeredAt: string | null, instrument: { __typename: 'Instrument', id: string, symbol: string, priceDecimals: number } }> | null } | null };

export type WebCreatePriceAlertMutationVariables = Exact<{
  input: CreatePriceAlertInput;
}>;


export type WebCreatePriceAlertMutation = { __typename: 'Mutation', createPriceAlert: { __typename: 'PriceAlert', id: string, condition: PriceAlertCondition, price: number | null, percent: number | null, status: PriceAlertStatus, triggeredAt: string | null, instrument: { __typename: 'Instrument', id: string, symbol: string, priceDecimals: number } } | null };

export type WebDeletePriceAlertMutationVariables = Exact<{
  id: string | number;
}>;


export type WebDeletePriceAlertMutation = { __typename: 'Mutation', deletePriceAlert: string | null };

export type WebQuotesSubscriptionVariables = Exact<{
  symbols: Array<string> | string;
}>;


export type WebQuotesSubscription = { quotes: { __typename: 'Quote', symbol: string, last: number, changePercent: number | null, at: string } };

export type TodoItemFragment = { __typename: 'Todo', id: string, title: string, done: boolean, dueAt: string | null, priority: TodoPriority, recurrence: string | null, position: number, upcomingOccurrences: Array<string> };

export type WebTodosQueryVariables = Exact<{
  filter?: TodoFilter | null | undefined;
}>;


export type WebTodosQuery = { __typename: 'Query', me: { __typename: 'User', id: string, todos: { __typename: 'TodoConnection', totalCount: number, edges: Array<{ __typename: 'TodoEdge', node: { __typename: 'Todo', id: string, title: string, done: boolean, dueAt: string | null, priority: TodoPriority, recurrence: string | null, position: number, upcomingOccurrences: Array<string> } }> } | null } | null };

export type WebCreateTodoMutationVariables = Exact<{
  input: CreateTodoInput;
}>;


export type WebCreateTodoMutation = { __typename: 'Mutation', createTodo: { __typename: 'Todo', id: string, title: string, done: boolean, dueAt: string | null, priority: TodoPriority, recurrence: string | null, position: number, upcomingOccurrences: Array<string> } | null };

export type WebCompleteTodoMutationVariables = Exact<{
  id: string | number;
}>;


export type WebCompleteTodoMutation = { __typename: 'Mutation', completeTodo: { __typename: 'Todo', id: string, title: string, done: boolean, dueAt: string | null, priority: TodoPriority, recurrence: string | null, position: number, upcomingOccurrences: Array<string> } | null };

export type WebReopenTodoMutationVariables = Exact<{
  id: string | number;
}>;


export type WebReopenTodoMutation = { __typename: 'Mutation', reopenTodo: { __typename: 'Todo', id: string, title: string, done: boolean, dueAt: string | null, priority: TodoPriority, recurrence: string | null, position: number, upcomingOccurrences: Array<string> } | null };

export type WebDeleteTodoMutationVariables = Exact<{
  id: string | number;
}>;


export type WebDeleteTodoMutation = { __typename: 'Mutation', deleteTodo: string | null };

export type WebMoveTodoMutationVariables = Exact<{
  id: string | number;
  afterId?: string | number | null | undefined;
  beforeId?: string | number | null | undefined;
}>;


export type WebMoveTodoMutation = { __typename: 'Mutation', moveTodo: { __typename: 'Todo', id: string, position: number } | null };

export type WebWeatherQueryVariables = Exact<{
  place?: string | null | undefined;
  coordinates?: CoordinatesInput | null | undefined;
}>;


export type WebWeatherQuery = { __typename: 'Query', weather: { __typename: 'Weather', stale: boolean, location: { __typename: 'WeatherLocation', name: string | null, countryCode: string | null }, source: { __typename: 'WeatherSource', provider: string, simulated: boolean }, current: { __typename: 'CurrentWeather', temperature: number, apparentTemperature: number | null, condition: WeatherCondition, description: string, windSpeed: number, humidity: number | null }, daily: { __typename: 'DailyForecast', days: Array<{ __typename: 'ForecastDay', date: string, temperatureMin: number, temperatureMax: number, precipitation: number | null, condition: WeatherCondition }> } } | null };

export type WebSavedLocationsQueryVariables = Exact<{ [key: string]: never; }>;


export type WebSavedLocationsQuery = { __typename: 'Query', me: { __typename: 'User', id: string, savedLocations: Array<{ __typename: 'SavedLocation', id: string, name: string, location: { __typename: 'WeatherLocation', name: string | null, latitude: number, longitude: number } }> | null } | null };

export const SessionFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Session"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuthPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"accessTokenExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshTokenExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}}]}}]}}]} as unknown as DocumentNode<SessionFragment, unknown>;
export const ChatMessageFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChatMessage"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Message"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]} as unknown as DocumentNode<ChatMessageFragment, unknown>;
export const TodoItemFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TodoItem"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Todo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"done"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"recurrence"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"upcomingOccurrences"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"3"}}]}]}}]} as unknown as DocumentNode<TodoItemFragment, unknown>;
export const WebLoginDocument = {"__meta__":{"hash":"sha256:624633f25c477edee73452b36fdd6c03c4f28719e4a3ee60901d7192be1f7972"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebLogin"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LoginInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"login"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Session"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Session"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuthPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"accessTokenExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshTokenExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}}]}}]}}]} as unknown as DocumentNode<WebLoginMutation, WebLoginMutationVariables>;
export const WebCompleteLoginDocument = {"__meta__":{"hash":"sha256:364a16cd1eb7d7a85e64e3cd2fa54aea39e3febb8dbb906c04f17d78fbc96b33"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebCompleteLogin"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CompleteLoginInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"completeLogin"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Session"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Session"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuthPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"accessTokenExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshTokenExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}}]}}]}}]} as unknown as DocumentNode<WebCompleteLoginMutation, WebCompleteLoginMutationVariables>;
export const WebRegisterDocument = {"__meta__":{"hash":"sha256:2d3a3c9254d364a1d2812da1fdfd4429f9cc7efaf2b675358bbe5519a1707f62"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebRegister"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RegisterInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"register"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Session"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Session"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuthPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"accessTokenExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshTokenExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}}]}}]}}]} as unknown as DocumentNode<WebRegisterMutation, WebRegisterMutationVariables>;
export const WebRefreshSessionDocument = {"__meta__":{"hash":"sha256:801601f08224b56aa7e00ca12d58e0ddb9ca0b2e8d65cadee1205a9328b7ceef"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebRefreshSession"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"refreshToken"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"refreshSession"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"refreshToken"},"value":{"kind":"Variable","name":{"kind":"Name","value":"refreshToken"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"Session"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"Session"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuthPayload"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"accessTokenExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshTokenExpiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}}]}}]}}]} as unknown as DocumentNode<WebRefreshSessionMutation, WebRefreshSessionMutationVariables>;
export const WebLogoutDocument = {"__meta__":{"hash":"sha256:d874a2d823db86a2bfed9e8a4532495d3ddfe10089ab8647300505bc14a8c594"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebLogout"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"refreshToken"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"logout"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"refreshToken"},"value":{"kind":"Variable","name":{"kind":"Name","value":"refreshToken"}}}]}]}}]} as unknown as DocumentNode<WebLogoutMutation, WebLogoutMutationVariables>;
export const WebViewerDocument = {"__meta__":{"hash":"sha256:22bc32777a7176a3a7025b5429d88e898a719f80fe35971c044ee503adbc5e98"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebViewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"twoFactor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}}]}}]}}]}}]} as unknown as DocumentNode<WebViewerQuery, WebViewerQueryVariables>;
export const WebTwoFactorStatusDocument = {"__meta__":{"hash":"sha256:3408c6189a7095db2c1187f3667f764a78edca804eefb756e0375dcd846ad1f9"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebTwoFactorStatus"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"twoFactor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"recoveryCodesRemaining"}}]}}]}}]}}]} as unknown as DocumentNode<WebTwoFactorStatusQuery, WebTwoFactorStatusQueryVariables>;
export const WebBeginTotpEnrollmentDocument = {"__meta__":{"hash":"sha256:8d28cefef8a2f640e0c43fc7ed9428ad39a4b95ac8a5a80d7bda63d34462e088"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebBeginTotpEnrollment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"beginTotpEnrollment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"secret"}},{"kind":"Field","name":{"kind":"Name","value":"otpauthUri"}},{"kind":"Field","name":{"kind":"Name","value":"qrCodeDataUrl"}}]}}]}}]} as unknown as DocumentNode<WebBeginTotpEnrollmentMutation, WebBeginTotpEnrollmentMutationVariables>;
export const WebConfirmTotpEnrollmentDocument = {"__meta__":{"hash":"sha256:8612d8b9be7e3517f9290a8867726ae48d87f64a1f7f6654ff6c7111d1515823"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebConfirmTotpEnrollment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"confirmTotpEnrollment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"recoveryCodes"}},{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"accessTokenExpiresAt"}}]}}]}}]} as unknown as DocumentNode<WebConfirmTotpEnrollmentMutation, WebConfirmTotpEnrollmentMutationVariables>;
export const WebWalletsDocument = {"__meta__":{"hash":"sha256:4b031f52068e12009bcc9d1620cfe043d7634af74facaf59ce873e5e015e87c3"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebWallets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"chainNetwork"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"currencySymbol"}},{"kind":"Field","name":{"kind":"Name","value":"latestBlock"}}]}},{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"wallets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"balance"}},{"kind":"Field","name":{"kind":"Name","value":"transactions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"confirmations"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"hash"}}]}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<WebWalletsQuery, WebWalletsQueryVariables>;
export const WebSendTransferDocument = {"__meta__":{"hash":"sha256:026b25af22d017ab1572943037452136a23e3320a4f869de30c36628d62f95c0"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebSendTransfer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TransferInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"sendTransfer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"confirmations"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"hash"}}]}}]}}]} as unknown as DocumentNode<WebSendTransferMutation, WebSendTransferMutationVariables>;
export const WebTransactionUpdatedDocument = {"__meta__":{"hash":"sha256:09248e736bbd22ed71aba1373f75fd9b559c5b7144c7ecc56de901a21411358e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"WebTransactionUpdated"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"walletId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"transactionUpdated"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"walletId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"walletId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"confirmations"}}]}}]}}]} as unknown as DocumentNode<WebTransactionUpdatedSubscription, WebTransactionUpdatedSubscriptionVariables>;
export const WebChatRoomsDocument = {"__meta__":{"hash":"sha256:147d1e2fc4986b955c7a481fed95fb534d318d5d4dc462d8949c05b17ebd1923"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebChatRooms"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"chatRooms"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"memberCount"}},{"kind":"Field","name":{"kind":"Name","value":"unreadCount"}},{"kind":"Field","name":{"kind":"Name","value":"lastActivityAt"}}]}}]}}]}}]}}]} as unknown as DocumentNode<WebChatRoomsQuery, WebChatRoomsQueryVariables>;
export const WebRoomMessagesDocument = {"__meta__":{"hash":"sha256:8ab69e187080ae0ac89d72e39bcfaf57676936e2b45bc655398469e09fcc69af"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebRoomMessages"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"room"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"messages"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ChatMessage"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChatMessage"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Message"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]} as unknown as DocumentNode<WebRoomMessagesQuery, WebRoomMessagesQueryVariables>;
export const WebSendMessageDocument = {"__meta__":{"hash":"sha256:a22cc84eb011e9751edc7640cfa89bdac435462724020b13f5483532051093f2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebSendMessage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SendMessageInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"sendMessage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ChatMessage"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChatMessage"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Message"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]} as unknown as DocumentNode<WebSendMessageMutation, WebSendMessageMutationVariables>;
export const WebMarkRoomReadDocument = {"__meta__":{"hash":"sha256:80b436a52b2da2da11cda0774e3eed52602ae1bb88878b9eaa82595f65259953"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebMarkRoomRead"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"upToMessageId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"markRoomRead"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"roomId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}}},{"kind":"Argument","name":{"kind":"Name","value":"upToMessageId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"upToMessageId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"unreadCount"}}]}}]}}]} as unknown as DocumentNode<WebMarkRoomReadMutation, WebMarkRoomReadMutationVariables>;
export const WebSetTypingDocument = {"__meta__":{"hash":"sha256:00ffd8d9551e0704b66d3b7eed020bae24c4e434b88c09afdeef3670a6033700"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebSetTyping"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"isTyping"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"setTyping"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"roomId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}}},{"kind":"Argument","name":{"kind":"Name","value":"isTyping"},"value":{"kind":"Variable","name":{"kind":"Name","value":"isTyping"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"roomId"}},{"kind":"Field","name":{"kind":"Name","value":"isTyping"}}]}}]}}]} as unknown as DocumentNode<WebSetTypingMutation, WebSetTypingMutationVariables>;
export const WebMessageEventsDocument = {"__meta__":{"hash":"sha256:7256e5b2a48becfd2cadf9dd1fff5a35e7421271a82dbcfb134ce2298a1d9fb7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"WebMessageEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"messageEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"roomId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MessageAdded"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"message"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"ChatMessage"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MessageEdited"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"message"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"editedAt"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"MessageDeleted"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"messageId"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ChatMessage"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Message"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]} as unknown as DocumentNode<WebMessageEventsSubscription, WebMessageEventsSubscriptionVariables>;
export const WebTypingDocument = {"__meta__":{"hash":"sha256:1f5c5a2eda11c40acedeb5f824e445129ccb4da85a4bc5028a41a9e94faba412"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"WebTyping"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"typing"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"roomId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"roomId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"isTyping"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}}]} as unknown as DocumentNode<WebTypingSubscription, WebTypingSubscriptionVariables>;
export const WebLinksDocument = {"__meta__":{"hash":"sha256:089094a0f372d193c9a46c879e0fd0bd833b1234091274cec9dfd3c60b5590a7"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebLinks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"links"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"shortUrl"}},{"kind":"Field","name":{"kind":"Name","value":"targetUrl"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"visitCount"}},{"kind":"Field","name":{"kind":"Name","value":"stats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalVisits"}},{"kind":"Field","name":{"kind":"Name","value":"uniqueVisitors"}},{"kind":"Field","name":{"kind":"Name","value":"byDay"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"visits"}}]}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<WebLinksQuery, WebLinksQueryVariables>;
export const WebShortenLinkDocument = {"__meta__":{"hash":"sha256:a71f8ca9d1b267faad5f2787fe807e238898bc141b4a4ffa3a2ce69f37dbf804"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebShortenLink"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ShortenLinkInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"shortenLink"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"shortUrl"}},{"kind":"Field","name":{"kind":"Name","value":"targetUrl"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"visitCount"}},{"kind":"Field","name":{"kind":"Name","value":"stats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalVisits"}},{"kind":"Field","name":{"kind":"Name","value":"uniqueVisitors"}},{"kind":"Field","name":{"kind":"Name","value":"byDay"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"visits"}}]}}]}}]}}]}}]} as unknown as DocumentNode<WebShortenLinkMutation, WebShortenLinkMutationVariables>;
export const WebNotesDocument = {"__meta__":{"hash":"sha256:32036991fcd84a512e3bee702c7911f1b113fe5a52ca605124f1df7f2506c2fc"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebNotes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"notes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}},{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"EnumValue","value":"UPDATED_AT"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"highlight"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"matches"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"length"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"pinned"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<WebNotesQuery, WebNotesQueryVariables>;
export const WebCreateNoteDocument = {"__meta__":{"hash":"sha256:95ec9def8a50afe45c825498bc58873f616975a3fff3b6f13130f140d326957b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebCreateNote"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateNoteInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"createNote"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"pinned"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]} as unknown as DocumentNode<WebCreateNoteMutation, WebCreateNoteMutationVariables>;
export const WebPinNoteDocument = {"__meta__":{"hash":"sha256:a1c0265c973f0e49af5087b571baeb8b7c3c48bd38b05c7b26b8d9686dbddb00"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebPinNote"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"pinNote"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"pinned"}}]}}]}}]} as unknown as DocumentNode<WebPinNoteMutation, WebPinNoteMutationVariables>;
export const WebUnpinNoteDocument = {"__meta__":{"hash":"sha256:a5baee934722dbfe5c2e53cf29a14e77dd684037eaba44d5236fd4b3bd1d48b0"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebUnpinNote"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"unpinNote"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"pinned"}}]}}]}}]} as unknown as DocumentNode<WebUnpinNoteMutation, WebUnpinNoteMutationVariables>;
export const WebDeleteNoteDocument = {"__meta__":{"hash":"sha256:7ebebabe2177c1ea110535c5eff46a02a8b03a77a8207cbcd46c2cb83bf4e864"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebDeleteNote"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"deleteNote"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<WebDeleteNoteMutation, WebDeleteNoteMutationVariables>;
export const WebInstrumentsDocument = {"__meta__":{"hash":"sha256:74e51924636e03f7558d62dadd96819aeed84fb89462810a434959e4fe775369"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebInstruments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"instruments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"symbol"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"priceDecimals"}},{"kind":"Field","name":{"kind":"Name","value":"quote"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"symbol"}},{"kind":"Field","name":{"kind":"Name","value":"last"}},{"kind":"Field","name":{"kind":"Name","value":"changePercent"}},{"kind":"Field","name":{"kind":"Name","value":"at"}}]}}]}}]}}]} as unknown as DocumentNode<WebInstrumentsQuery, WebInstrumentsQueryVariables>;
export const WebCandlesDocument = {"__meta__":{"hash":"sha256:d910bcefa12718ac93faa79150d507520d13e399a30dee6984870dd3218c825d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebCandles"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"symbol"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"instrument"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"symbol"},"value":{"kind":"Variable","name":{"kind":"Name","value":"symbol"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"symbol"}},{"kind":"Field","name":{"kind":"Name","value":"priceDecimals"}},{"kind":"Field","name":{"kind":"Name","value":"candles"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"interval"},"value":{"kind":"EnumValue","value":"M1"}},{"kind":"Argument","name":{"kind":"Name","value":"last"},"value":{"kind":"IntValue","value":"120"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"open"}},{"kind":"Field","name":{"kind":"Name","value":"high"}},{"kind":"Field","name":{"kind":"Name","value":"low"}},{"kind":"Field","name":{"kind":"Name","value":"close"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<WebCandlesQuery, WebCandlesQueryVariables>;
export const WebPriceAlertsDocument = {"__meta__":{"hash":"sha256:6ae16a7261a43ecb430193364bb63698b2a57d7f9df1f1ad86b956db6e834f46"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebPriceAlerts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"priceAlerts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"condition"}},{"kind":"Field","name":{"kind":"Name","value":"price"}},{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"triggeredAt"}},{"kind":"Field","name":{"kind":"Name","value":"instrument"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"symbol"}},{"kind":"Field","name":{"kind":"Name","value":"priceDecimals"}}]}}]}}]}}]}}]} as unknown as DocumentNode<WebPriceAlertsQuery, WebPriceAlertsQueryVariables>;
export const WebCreatePriceAlertDocument = {"__meta__":{"hash":"sha256:23ef399d0601910597a9420df3a2de00e5bf11bd2185fac97e17d7e6c99cd80e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebCreatePriceAlert"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreatePriceAlertInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"createPriceAlert"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"condition"}},{"kind":"Field","name":{"kind":"Name","value":"price"}},{"kind":"Field","name":{"kind":"Name","value":"percent"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"triggeredAt"}},{"kind":"Field","name":{"kind":"Name","value":"instrument"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"symbol"}},{"kind":"Field","name":{"kind":"Name","value":"priceDecimals"}}]}}]}}]}}]} as unknown as DocumentNode<WebCreatePriceAlertMutation, WebCreatePriceAlertMutationVariables>;
export const WebDeletePriceAlertDocument = {"__meta__":{"hash":"sha256:853818aec042bd8319176bff4155899ef06ce1407fc0f982ed617300260cb405"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebDeletePriceAlert"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"deletePriceAlert"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<WebDeletePriceAlertMutation, WebDeletePriceAlertMutationVariables>;
export const WebQuotesDocument = {"__meta__":{"hash":"sha256:16eb5e8af5989e36c00383387b4faabacca0751743fe26993bd5cfb3eac951a3"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"WebQuotes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"symbols"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"quotes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"symbols"},"value":{"kind":"Variable","name":{"kind":"Name","value":"symbols"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"symbol"}},{"kind":"Field","name":{"kind":"Name","value":"last"}},{"kind":"Field","name":{"kind":"Name","value":"changePercent"}},{"kind":"Field","name":{"kind":"Name","value":"at"}}]}}]}}]} as unknown as DocumentNode<WebQuotesSubscription, WebQuotesSubscriptionVariables>;
export const WebTodosDocument = {"__meta__":{"hash":"sha256:c8fabc6f2c1e9bf40d4be4f7c80e2597215e48de7179a4a4e8014ddddeac1e15"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebTodos"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"TodoFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"todos"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"field"},"value":{"kind":"EnumValue","value":"MANUAL"}},{"kind":"ObjectField","name":{"kind":"Name","value":"direction"},"value":{"kind":"EnumValue","value":"ASC"}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"TodoItem"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TodoItem"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Todo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"done"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"recurrence"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"upcomingOccurrences"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"3"}}]}]}}]} as unknown as DocumentNode<WebTodosQuery, WebTodosQueryVariables>;
export const WebCreateTodoDocument = {"__meta__":{"hash":"sha256:5e89dddfb4218d66aafb2e36ce58c9d9e49df6fee2a8a4ae1df43a29cda120bc"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebCreateTodo"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateTodoInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"createTodo"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"TodoItem"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TodoItem"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Todo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"done"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"recurrence"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"upcomingOccurrences"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"3"}}]}]}}]} as unknown as DocumentNode<WebCreateTodoMutation, WebCreateTodoMutationVariables>;
export const WebCompleteTodoDocument = {"__meta__":{"hash":"sha256:fc0b7a4b31362bad1746474013ee8470e3c4d0354a469ed135cc6bcd0fab4041"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebCompleteTodo"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"completeTodo"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"TodoItem"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TodoItem"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Todo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"done"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"recurrence"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"upcomingOccurrences"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"3"}}]}]}}]} as unknown as DocumentNode<WebCompleteTodoMutation, WebCompleteTodoMutationVariables>;
export const WebReopenTodoDocument = {"__meta__":{"hash":"sha256:6958ad0986df27285df8e9c82d38d6241bd791550847c7c2d57f3d6294abc87d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebReopenTodo"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"reopenTodo"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"TodoItem"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TodoItem"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Todo"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"done"}},{"kind":"Field","name":{"kind":"Name","value":"dueAt"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"recurrence"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"upcomingOccurrences"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"3"}}]}]}}]} as unknown as DocumentNode<WebReopenTodoMutation, WebReopenTodoMutationVariables>;
export const WebDeleteTodoDocument = {"__meta__":{"hash":"sha256:d0db6509b5f73d164217609d65a926b99ffbd3e214477e70faec1059deae3772"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebDeleteTodo"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"deleteTodo"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}]}]}}]} as unknown as DocumentNode<WebDeleteTodoMutation, WebDeleteTodoMutationVariables>;
export const WebMoveTodoDocument = {"__meta__":{"hash":"sha256:ab0a5be628826d47d70ab34375523cbe9f51cd157a5470e68f8ca3c8040c9dd9"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"WebMoveTodo"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"afterId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"beforeId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"moveTodo"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"afterId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"afterId"}}},{"kind":"Argument","name":{"kind":"Name","value":"beforeId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"beforeId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"position"}}]}}]}}]} as unknown as DocumentNode<WebMoveTodoMutation, WebMoveTodoMutationVariables>;
export const WebWeatherDocument = {"__meta__":{"hash":"sha256:9edef4e29d35e342940aa1599209ffd754ea98ccec00052ecb43de407a53b32e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebWeather"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"place"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"coordinates"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CoordinatesInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"weather"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"place"},"value":{"kind":"Variable","name":{"kind":"Name","value":"place"}}},{"kind":"Argument","name":{"kind":"Name","value":"coordinates"},"value":{"kind":"Variable","name":{"kind":"Name","value":"coordinates"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"location"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"countryCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"source"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"simulated"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stale"}},{"kind":"Field","name":{"kind":"Name","value":"current"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"temperature"}},{"kind":"Field","name":{"kind":"Name","value":"apparentTemperature"}},{"kind":"Field","name":{"kind":"Name","value":"condition"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"windSpeed"}},{"kind":"Field","name":{"kind":"Name","value":"humidity"}}]}},{"kind":"Field","name":{"kind":"Name","value":"daily"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"days"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"days"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"temperatureMin"}},{"kind":"Field","name":{"kind":"Name","value":"temperatureMax"}},{"kind":"Field","name":{"kind":"Name","value":"precipitation"}},{"kind":"Field","name":{"kind":"Name","value":"condition"}}]}}]}}]}}]}}]} as unknown as DocumentNode<WebWeatherQuery, WebWeatherQueryVariables>;
export const WebSavedLocationsDocument = {"__meta__":{"hash":"sha256:3dcb44ddc479711b11ea07e706494fcb727dfcaca0b2a147f86852d317ea3f2c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebSavedLocations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"savedLocations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"location"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"latitude"}},{"kind":"Field","name":{"kind":"Name","value":"longitude"}}]}}]}}]}}]}}]} as unknown as DocumentNode<WebSavedLocationsQuery, WebSavedLocationsQueryVariables>;