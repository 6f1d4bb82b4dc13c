/**
 * Attaching files to things another subgraph owns (`@mosaic/files/attachments`; see
 * docs/adr/0012-file-attachments.md): the attaching subgraph keeps a projection of file owners to
 * refuse someone else's file at once, decides who may read, and vouches for each read with a
 * short-lived ticket that files verifies.
 */
export { AttachmentTickets, attachmentTicketEnv, attachmentTicketSecret, type AttachmentTicket } from './tickets';
export { attachmentReference, attachmentUrl, REFERENCE_TICKET_SECONDS, type AttachmentReference } from './references';
export { awaitProjectedFile, fileOwnerHandlers, fileOwnersTable, findFileOwners, projectFileOwners, type FileOwnerRow, type FileOwnersTable } from './file-owners';
export { assertOwnFiles, AttachmentRefusedError } from './attach-rules';
