import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeId } from '@mosaic/kit';
import { startTestGraph, type TestGraph } from '@mosaic/platform/testing';
import { storageUsage } from '../src/data/tables';

/**
 * Files' storage quota reads the organisation's plan (issue 17): a personal upload is held to
 * FILES_QUOTA_BYTES (1,000 bytes here), one made within an organisation (the token's `org_id`) to
 * its plan's storage — the free plan's 1 GiB, which files learns from tenancy's `plan.changed` —
 * and is charged to the organisation, not to the uploader.
 */
let graph: TestGraph;
let origin: string;
let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'mosaic-files-plan-'));
  process.env.FILES_DIR = join(dataDir, 'objects');
  process.env.FILES_UPLOADS_DIR = join(dataDir, 'uploads');
  process.env.FILES_QUOTA_BYTES = '1000';
  graph = await startTestGraph();
  origin = new URL(graph.gatewayUrl).origin;
}, 120_000);
afterAll(async () => {
  await graph?.close();
  await rm(dataDir, { recursive: true, force: true });
});

const upload = (token: string, name: string, body: string) =>
  fetch(`${origin}/files/upload?name=${encodeURIComponent(name)}`, { method: 'POST', body, headers: { authorization: `Bearer ${token}` } });

describe("an organisation's plan sets the storage quota of uploads within it", () => {
  it('refuses a personal upload over FILES_QUOTA_BYTES, accepts it within an organisation on the free plan and charges the organisation', async () => {
    const { token } = await graph.signUp('files-plan@example.com');
    const content = 'x'.repeat(2_000);
    const personal = await upload(token, 'big.txt', content);
    expect(personal.status).toBe(413);
    expect(await personal.json()).toMatchObject({ error: 'QUOTA_EXCEEDED', quotaBytes: 1_000 });

    const created = await graph.call(`mutation { createOrganization(input: { name: "Storage Team" }) { id } }`, {}, token);
    const organizationId = created.data!.createOrganization.id as string;
    let inOrganization: string | undefined;
    await expect
      .poll(async () => (inOrganization = (await graph.call(`mutation($id: ID) { switchOrganization(organizationId: $id) { accessToken } }`, { id: organizationId }, token)).data?.switchOrganization?.accessToken as string | undefined), { timeout: 15_000, interval: 50 })
      .toBeTruthy();
    // Files learns the plan from tenancy's event (a relay hop after the organisation's creation).
    let status = 0;
    await expect.poll(async () => (status = (await upload(inOrganization!, 'big.txt', content)).status), { timeout: 15_000, interval: 100 }).toBe(201);
    expect(status).toBe(201);

    const db = graph.database.db();
    const [charged] = await db.select().from(storageUsage).where(eq(storageUsage.ownerId, decodeId('Organization', organizationId)));
    expect(charged).toMatchObject({ bytesUsed: 2_000, fileCount: 1 });
    const me = await graph.call(`{ me { storageUsage { bytesUsed quotaBytes } files { edges { node { id } } } } }`, {}, token);
    expect(me.data!.me.storageUsage).toEqual({ bytesUsed: 0, quotaBytes: 1_000 });

    // Deleting it gives the organisation its bytes back.
    const fileId = me.data!.me.files.edges[0].node.id as string;
    expect((await graph.call(`mutation($id: ID!) { deleteFile(id: $id) { deletedId } }`, { id: fileId }, inOrganization)).errors).toBeUndefined();
    const [released] = await db.select().from(storageUsage).where(eq(storageUsage.ownerId, decodeId('Organization', organizationId)));
    expect(released).toMatchObject({ bytesUsed: 0, fileCount: 0 });
  });
});
