import type { Connection, UserReference } from '@mosaic/kit';
import type { CurrencyTotalsRow } from './data/postings-repo';
import type { BankAccountRow, PayeeRow, PostingRow, TransferRow } from './data/tables';
import type { PostingSearch, Statement } from './domain/ledger-queries';
import type { FxRate } from './providers/fx/fx-rates';

export type UserMapper = UserReference;
export type BankAccountMapper = BankAccountRow;
export type BankAccountConnectionMapper = Connection<BankAccountRow>;
export type PostingMapper = PostingRow;
export type PostingConnectionMapper = Connection<PostingRow>;
export type TransferMapper = TransferRow;
export type PayeeMapper = PayeeRow;
export type StatementMapper = Statement;
/** The id of the account on the other side; the resolver loads it. */
export type AccountReferenceMapper = { accountId: string };
export type PostingSearchMapper = PostingSearch;
export type CurrencyTotalsMapper = CurrencyTotalsRow;
export type TransferReceivedMapper = { transfer: TransferRow; account: BankAccountRow | null };
export type FxQuoteMapper = FxRate & { from: string; to: string };
