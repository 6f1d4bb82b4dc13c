/** The GraphQL documents the tests send (as a client would). */
export const OPEN = `mutation($input: OpenBankAccountInput!) { openBankAccount(input: $input) { id accountNumber holderName balance available status currency owner { id } } }`;
export const DEPOSIT = `mutation($input: DepositFundsInput!) { depositFunds(input: $input) { id status amount } }`;
export const TRANSFER = `mutation($input: CreateTransferInput!) { createTransfer(input: $input) { id status amount currency reference expiresAt from { maskedNumber holderName bank } to { maskedNumber holderName } fromAccount { balance } } }`;
export const POST = `mutation($id: ID!) { postTransfer(id: $id) { id status postedAt } }`;
export const VOID = `mutation($id: ID!) { voidTransfer(id: $id) { id status voidReason } }`;
export const EXCHANGE = `mutation($input: ExchangeCurrencyInput!) { exchangeCurrency(input: $input) { id kind amount currency toAmount toCurrency fxRate fxRateSource } }`;
export const ACCOUNT = `query($id: ID!) { bankAccount(id: $id) { id balance held available overdraftLimit status } }`;
export const HISTORY = `query($id: ID!, $first: Int, $after: String) {
  bankAccount(id: $id) { postings(first: $first, after: $after) { edges { node { amount direction balanceAfter counterparty { maskedNumber bank } transfer { reference } } } pageInfo { hasNextPage endCursor } } }
}`;
export const STATEMENT = `query($id: ID!, $from: DateTime!, $to: DateTime!) {
  bankAccount(id: $id) { statement(from: $from, to: $to) { currency openingBalance closingBalance totalDebits totalCredits postings { amount balanceAfter } } }
}`;
export const SEARCH = `query($filter: PostingFilter, $first: Int, $after: String) {
  ledgerPostings(filter: $filter, first: $first, after: $after) {
    postings { edges { node { amount currency } } pageInfo { hasNextPage endCursor } }
    totals { currency count debits credits net }
  }
}`;
export const CLOSE = `mutation($id: ID!) { closeBankAccount(id: $id) { id status closedAt } }`;
export const FREEZE = `mutation($id: ID!, $reason: String!) { freezeBankAccount(id: $id, reason: $reason) { id status } }`;
export const UNFREEZE = `mutation($id: ID!) { unfreezeBankAccount(id: $id) { id status } }`;
export const SET_LIMIT = `mutation($id: ID!, $limit: MinorUnits!) { setOverdraftLimit(id: $id, limit: $limit) { id overdraftLimit available } }`;
/** `User.bankAccounts` as the gateway asks for it: `_entities` with user representations. */
export const ACCOUNTS_OF = `query($reps: [_Any!]!) {
  _entities(representations: $reps) { ... on User { bankAccounts { edges { node { name accountNumber balance postings(first: 5) { edges { node { amount counterparty { maskedNumber } transfer { reference } } } } } } } } }
}`;
