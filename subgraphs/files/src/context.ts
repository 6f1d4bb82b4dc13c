import type { RequestContext } from '@mosaic/kit';
import type { AttachmentTickets } from './attachments/tickets';
import type { Loaders } from './data/loaders';
import type { UrlSigner } from './domain/signed-urls';
import type { FilesRuntime } from './runtime';

/** What files's domain functions need beyond the request. */
export interface Context extends RequestContext, FilesRuntime {
  loaders: Loaders;
  signer: UrlSigner;
  /** Verifies tickets of files attached elsewhere (chat messages, notes…). */
  tickets: AttachmentTickets;
}
