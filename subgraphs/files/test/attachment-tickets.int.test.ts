import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeId } from '@mosaic/kit';
import { AttachmentTickets, attachmentTicketSecret, type AttachmentTicket } from '../src/attachments';
import { samples, startFiles, type FilesApp } from './harness';

/**
 * Files' side of attachments: a File reached by its second key (a ticket another subgraph issued)
 * resolves only for the ticket's reader and only while the ticket's attacher owns the file;
 * `/files/t/<ticket>` redirects bearer tickets to a signed inline download.
 */
let app: FilesApp;
const tickets = new AttachmentTickets(attachmentTicketSecret(undefined, undefined));
const forged = new AttachmentTickets('another-secret-that-is-long-enough-to-pass');
beforeAll(async () => {
  app = await startFiles();
});
afterAll(() => app.close());

const BY_TICKET = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on File { id name downloadUrl } } }`;
const inMinutes = (minutes: number) => Math.floor(app.clock.now().getTime() / 1000) + minutes * 60;

async function uploaded(token: string): Promise<string> {
  const answer = await app.upload(token, 'pic.png', await samples.png());
  expect(answer.status).toBe(201);
  return decodeId('File', ((await answer.json()) as { id: string }).id);
}

describe('File by attachment ticket', () => {
  it("resolves for the ticket's reader only, while the attacher owns the file, until it expires", async () => {
    const [owner, reader, other] = [await app.auth.newUser(), await app.auth.newUser(), await app.auth.newUser()];
    const fileId = await uploaded(owner.token);
    const ticket: AttachmentTicket = { fileId, ownerId: owner.userId, context: 'test.thing:1', readerId: reader.userId, expiresAt: inMinutes(2) };
    const resolve = async (t: AttachmentTicket, token: string, signer = tickets) =>
      (await app.call(BY_TICKET, { reps: [{ __typename: 'File', attachmentTicket: signer.issue(t) }] }, token)).data!._entities[0];

    const file = await resolve(ticket, reader.token);
    expect(file).toMatchObject({ name: 'pic.png', downloadUrl: expect.stringContaining('/files/d/') });
    expect((await app.fetchSigned(file.downloadUrl)).status).toBe(200);

    expect(await resolve(ticket, other.token)).toBeNull(); // someone else holding Reader's ticket
    expect(await resolve({ ...ticket, ownerId: reader.userId }, reader.token)).toBeNull(); // an attacher who does not own the file
    expect(await resolve(ticket, reader.token, forged)).toBeNull(); // not signed with the shared secret
    app.clock.advance(3 * 60_000);
    expect(await resolve(ticket, reader.token)).toBeNull(); // expired
  });

  it('/files/t/<ticket> redirects a bearer ticket to a signed inline download; a reader-bound or wrong one is 403', async () => {
    const owner = await app.auth.newUser();
    const fileId = await uploaded(owner.token);
    const bearer: AttachmentTicket = { fileId, ownerId: owner.userId, context: 'test.thing:2', readerId: null, expiresAt: inMinutes(5) };
    const redirect = await app.fetchSigned(`http://files.test/files/t/${tickets.issue(bearer)}`);
    expect(redirect.status).toBe(302);
    const image = await app.fetchSigned(redirect.headers.get('location')!);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');

    for (const wrong of [{ ...bearer, readerId: owner.userId }, { ...bearer, ownerId: (await app.auth.newUser()).userId }]) {
      const refused = await app.fetchSigned(`http://files.test/files/t/${tickets.issue(wrong)}`);
      expect(refused.status).toBe(403);
      expect(await refused.json()).toMatchObject({ error: 'ATTACHMENT_UNAVAILABLE' });
    }
    expect((await app.fetchSigned(`http://files.test/files/t/${tickets.issue(bearer)}x`)).status).toBe(403);
  });
});
