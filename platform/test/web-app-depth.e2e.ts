import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, repoRoot } from '@mosaic/testing';
import { buildWeb } from '../../scripts/build-web';
import { DEMO_ADMIN, DEMO_USER } from '../src/seed';
import { spawnAllInOne, type AllInOneProcess } from '../src/spawn-all-in-one';
import { expectAccessible, openScreen, persistedOperations, signInAsDemo as signInAsDemoAt } from './web-app-pages';

/**
 * The web app's deeper screens against `pnpm start`'s process (seeded demo data,
 * TRUSTED_DOCUMENTS=strict) in Debian's Chromium: sign-in that never hands the page a refresh
 * token, todo projects / quick add / views / reminders, notes co-edited live in two browsers,
 * chat direct messages / threads / mentions / resuming after a reconnect, and accepting an
 * organisation invitation — each screen also through axe-core (serious or critical violations fail).
 */
/** Long enough for seeding on a busy machine; the chat test jumps the page's clock to the refresh that reconnects the socket. */
const ACCESS_TOKEN_TTL_SECONDS = 90;
/**
 * Every page here is the demo user's, from one address, one screen after another without a
 * person's pauses: more than the gateway's 600 requests a minute per user. The limits have tests
 * of their own (gateway/test/request-guard.e2e.ts); here they are off (`0`).
 */
const RATE_LIMITS_OFF = { RATE_LIMIT_PER_IP: '0', RATE_LIMIT_PER_USER: '0' };
const dataDir = mkdtempSync(join(tmpdir(), 'mosaic-web-depth-'));
const screenshots = process.env.UPDATE_SCREENSHOTS ? join(repoRoot, 'docs/screenshots') : join(dataDir, 'screenshots');
let graph: AllInOneProcess;
let browser: Browser;
let origin: string;

beforeAll(async () => {
  buildWeb();
  const port = await freePort();
  origin = `http://localhost:${port}`;
  graph = await spawnAllInOne({ PORT: String(port), PGLITE_DIR: join(dataDir, 'pglite'), DEV_KEYS_DIR: join(dataDir, 'keys'), SUBGRAPH_PORTS: 'random', TRUSTED_DOCUMENTS: 'strict', ACCESS_TOKEN_TTL_SECONDS: String(ACCESS_TOKEN_TTL_SECONDS), TODOS_REMINDER_INTERVAL_MS: '500', ...RATE_LIMITS_OFF }, 300_000);
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'] });
  mkdirSync(screenshots, { recursive: true });
}, 360_000);

afterAll(async () => {
  await browser?.close();
  await graph?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const newContext = () => browser.newContext({ viewport: { width: 1200, height: 800 } });

const signInAsDemo = (context: BrowserContext) => signInAsDemoAt(origin, context);

const open = openScreen;

const shot = (page: Page, name: string) => page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });

const persisted = persistedOperations(() => origin);
const tokenOf = async (account: { email: string; password: string }) =>
  (await persisted<{ login: { accessToken: string } }>('WebLogin', { input: { email: account.email, password: account.password } })).login.accessToken;

describe('web app: the deeper screens in a browser (all-in-one, trusted documents strict)', () => {
  it('signs in without a refresh token ever reaching the page', async () => {
    const context = await newContext();
    // Every answer from the gateway's API and session paths the page receives during sign-in.
    const seen: Promise<string>[] = [];
    context.on('response', (response) => {
      const path = new URL(response.url()).pathname;
      if (path === '/graphql' || path.startsWith('/auth/session')) seen.push(response.text().catch(() => ''));
    });
    const signIn = context.waitForEvent('response', (response) => new URL(response.url()).pathname === '/auth/session/login');
    const page = await signInAsDemo(context);
    expect((await signIn).status()).toBe(200);
    const [cookie] = await context.cookies();
    expect(cookie).toMatchObject({ name: 'mosaic_refresh', httpOnly: true, sameSite: 'Strict' });
    // No answer the page received carries the refresh token, or any refresh token field.
    const texts = await Promise.all(seen);
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) {
      expect(text).not.toContain(cookie!.value);
      expect(text).not.toMatch(/refreshToken/);
    }
    await page.reload();
    await page.getByRole('heading', { name: 'Todos' }).waitFor();
    await context.close();
  }, 60_000);

  it('todos: a project with sections and subtasks, quick add with its preview, sharing, views and a live reminder', async () => {
    const context = await newContext();
    const page = await signInAsDemo(context);
    const tabs = page.getByRole('navigation', { name: 'Todo pages' });
    await tabs.getByRole('link', { name: 'Projects' }).click();
    await page.getByRole('navigation', { name: 'Projects' }).getByRole('link', { name: 'Home' }).click();
    const kitchen = page.getByRole('region', { name: 'Section Kitchen' });
    await kitchen.getByText('Descale the kettle', { exact: true }).waitFor();
    await kitchen.getByRole('list', { name: 'Subtasks of Descale the kettle' }).getByText('Buy descaler').waitFor();
    await kitchen.getByText('#home').waitFor();

    // Quick add: the server's reading is shown before anything is saved.
    const title = `Water the ferns ${Date.now()}`;
    await page.getByRole('textbox', { name: 'Quick add' }).fill(`${title} tomorrow at 10am #plants p2`);
    await page.getByRole('button', { name: 'Preview' }).click();
    const preview = page.getByRole('region', { name: 'Quick add preview' });
    await expect.poll(() => preview.getByTestId('preview-title').textContent()).toBe(title);
    await expect(preview.getByTestId('preview-priority').textContent()).resolves.toBe('p2 high');
    await expect(preview.getByTestId('preview-labels').textContent()).resolves.toBe('#plants (new)');
    await expect(preview.getByTestId('preview-due').textContent()).resolves.not.toBe('no date');
    await shot(page, 'todos-project');
    await expectAccessible(page, 'todos project with quick add preview');
    await preview.getByRole('button', { name: 'Save todo' }).click();
    const added = page.getByRole('listitem').filter({ hasText: title });
    await added.getByText('#plants').waitFor();

    // A new project: a section, a todo with a label and subtasks, shared with the demo admin.
    const projectName = `Browser project ${Date.now()}`;
    const newProject = page.getByRole('form', { name: 'New project' });
    await newProject.getByLabel('New project').fill(projectName);
    await newProject.getByRole('button', { name: 'Create project' }).click();
    await page.getByRole('navigation', { name: 'Projects' }).getByRole('link', { name: projectName }).click();
    await page.getByRole('heading', { level: 2, name: projectName }).waitFor();
    await page.getByRole('textbox', { name: 'New section' }).fill('Backlog');
    await page.getByRole('button', { name: 'Add section' }).click();
    const form = page.getByRole('form', { name: 'New todo in this project' });
    await form.getByRole('option', { name: 'Backlog' }).waitFor({ state: 'attached' });
    await form.getByLabel('Title').fill('Write the plan');
    await form.getByLabel('Section').selectOption({ label: 'Backlog' });
    await form.getByLabel('#work').check();
    await form.getByLabel('Subtasks (one a line)').fill('Outline\nReview');
    await form.getByRole('button', { name: 'Add to project' }).click();
    const backlog = page.getByRole('region', { name: 'Section Backlog' });
    await backlog.getByRole('list', { name: 'Subtasks of Write the plan' }).getByText('Review').waitFor();
    await backlog.getByText('#work').waitFor();
    const share = page.getByRole('form', { name: 'Share the project' });
    await share.getByLabel('Share with').selectOption({ label: 'Demo Admin' });
    await share.getByLabel('Role').selectOption({ label: 'Viewer' });
    await share.getByRole('button', { name: 'Share' }).click();
    await page.getByRole('list', { name: 'Project members' }).getByText('Demo Admin — Viewer').waitFor();

    // A reminder "in 1 min" arrives on the `reminders` subscription as a notification. The page
    // works out the time from its own clock, which runs 50 s behind while the reminder is set:
    // it fires 10 s later, and the suite does not wait out the minute.
    const reminder = backlog.getByRole('form', { name: 'Reminder for Write the plan' });
    await page.evaluate(() => {
      const realNow = Date.now;
      Date.now = () => realNow.call(Date) - 50_000;
      Object.assign(globalThis, { restoreClock: () => (Date.now = realNow) });
    });
    await reminder.getByRole('button', { name: 'Remind me' }).click();
    await reminder.getByRole('status').getByText(/^Reminder set for/).waitFor();
    await page.evaluate(() => (globalThis as unknown as { restoreClock(): void }).restoreClock());
    const toast = page.getByRole('region', { name: 'Notifications' }).getByRole('status').filter({ hasText: 'Write the plan' });
    await toast.waitFor({ timeout: 90_000 });
    await expectAccessible(page, 'todos with a reminder notification');
    await toast.getByRole('button', { name: 'Dismiss the reminder for Write the plan' }).press('Enter');
    await toast.waitFor({ state: 'detached' });

    // Views: next seven days, and a saved one worked out by the server.
    await tabs.getByRole('link', { name: 'Views' }).click();
    const views = page.getByRole('navigation', { name: 'Views' });
    const builtIn = views.getByRole('list', { name: 'Built-in views' });
    await builtIn.getByRole('link', { name: 'Next 7 days' }).click();
    await page.getByRole('list', { name: 'Todos in Next 7 days' }).getByText('Descale the kettle', { exact: true }).waitFor();
    await builtIn.getByRole('link', { name: 'Today' }).click();
    await page.getByRole('list', { name: 'Todos in Today' }).getByText('Try a federated query in Sandbox', { exact: true }).waitFor();
    await views.getByRole('list', { name: 'Saved views' }).getByRole('link', { name: 'Next 7 days at home' }).click();
    await page.getByRole('list', { name: 'Todos in Next 7 days at home' }).getByText('Descale the kettle', { exact: true }).waitFor();
    await expect(page.getByRole('list', { name: 'Todos in Next 7 days at home' }).getByText('Trim the hedge', { exact: true }).count()).resolves.toBe(0);
    await shot(page, 'todos-views');
    await expectAccessible(page, 'todos views');
    await context.close();
  }, 180_000);

  it('notes: notebooks, a note co-edited live in two browsers, revisions with restore, a share link', async () => {
    const [first, second] = [await newContext(), await newContext()];
    const [a, b] = [await signInAsDemo(first), await signInAsDemo(second)];
    await open(a, 'Notes');
    await a.getByRole('navigation', { name: 'Note pages' }).getByRole('link', { name: 'Notebooks' }).click();
    const notebooks = a.getByRole('navigation', { name: 'Notebooks' });
    await notebooks.getByRole('link', { name: 'Work' }).waitFor();
    await notebooks.getByRole('link', { name: 'Projects' }).click();
    await expectAccessible(a, 'notebooks');
    await a.getByRole('list', { name: 'Notes in Projects' }).getByRole('link', { name: 'Team plan (co-edited)' }).click();
    const noteUrl = a.url();
    await b.goto(noteUrl);
    const [editorA, editorB] = [a.getByLabel('Text (co-edited live)'), b.getByLabel('Text (co-edited live)')];
    for (const editor of [editorA, editorB]) await expect.poll(() => editor.inputValue(), { timeout: 30_000 }).toContain('ship co-editing');
    await expect.poll(() => editorA.isEditable()).toBe(true);
    await expect.poll(() => editorB.isEditable()).toBe(true);

    const fromA = `- typed in browser A ${Date.now()}`;
    await editorA.focus();
    await a.keyboard.press('Control+End');
    await a.keyboard.type(`\n${fromA}`);
    await expect.poll(() => editorB.inputValue(), { timeout: 30_000 }).toContain(fromA);
    const fromB = `- typed in browser B ${Date.now()}`;
    await editorB.focus();
    await b.keyboard.press('Control+End');
    await b.keyboard.type(`\n${fromB}`);
    await expect.poll(() => editorA.inputValue(), { timeout: 30_000 }).toContain(fromB);
    await expect(editorA.inputValue()).resolves.toContain(fromA);
    await shot(a, 'notes-co-editing');
    await expectAccessible(a, 'note editor');

    // Restoring the first revision is an edit the other browser receives live.
    await a.reload();
    const revisions = a.getByRole('list', { name: 'Revisions' });
    await revisions.getByRole('listitem').first().waitFor();
    await revisions.getByRole('listitem').last().getByRole('button', { name: /^Restore/ }).click();
    await expect.poll(() => editorB.inputValue(), { timeout: 30_000 }).not.toContain(fromA);
    await expect(editorB.inputValue()).resolves.toContain('ship co-editing');

    await a.getByRole('button', { name: 'Create a read-only link (7 days)' }).click();
    await expect.poll(() => a.getByTestId('note-share-url').textContent()).toMatch(/\/notes\/shared\/.+/);
    await a.getByRole('list', { name: 'Share links of this note' }).getByRole('listitem').filter({ hasText: /— active/ }).first().waitFor().catch(async (error: unknown) => {
      await a.screenshot({ path: '/tmp/depth-notes-share.png', fullPage: true });
      throw error;
    });
    await expectAccessible(a, 'note with a share link');
    await first.close();
    await second.close();
  }, 150_000);

  it('chat: a direct conversation, a thread with its unread count, mentions, and resuming after a reconnect', async () => {
    const context = await newContext();
    // The page runs on Playwright's clock (in real time until told otherwise), so that the resume
    // below can jump it to the access token's refresh rather than wait most of the token's life.
    await context.clock.install();
    const page = await signInAsDemo(context);
    const signedInAt = Date.now();
    await open(page, 'Chat');
    await page.getByRole('list', { name: 'Direct messages' }).getByRole('link', { name: /Demo Admin/ }).click();
    await page.getByRole('list', { name: 'Messages in Direct conversation' }).getByText('Looks good to me.').waitFor();
    const threads = page.getByRole('list', { name: 'Threads' });
    const thread = threads.getByRole('listitem').filter({ hasText: 'release notes' });
    await thread.getByText('2 replies').waitFor();

    // The admin answers in the thread from elsewhere: the thread shows one unread reply.
    const adminToken = await tokenOf(DEMO_ADMIN);
    const dmId = new URL(page.url()).pathname.split('/').at(-1)!;
    const rootId = (await persisted<{ room: { threads: { edges: { node: { root: { id: string; text: string } } }[] } } }>('WebRoomThreads', { roomId: dmId }, adminToken)).room.threads.edges[0]!.node.root.id;
    const answer = `Admin answer ${Date.now()}`;
    await persisted('WebReplyInThread', { input: { roomId: dmId, text: answer, threadRootId: rootId } }, adminToken);
    await page.reload();
    await thread.getByLabel('1 unread in this thread').waitFor();
    await expectAccessible(page, 'chat direct conversation');
    await thread.getByRole('button').click();
    const replies = page.getByRole('list', { name: 'Replies in the thread' });
    await replies.getByText(answer).waitFor();
    const mine = `My reply ${Date.now()}`;
    await page.getByRole('textbox', { name: 'Reply' }).fill(mine);
    await page.getByRole('textbox', { name: 'Reply' }).press('Enter');
    await replies.getByText(mine).waitFor();
    await shot(page, 'chat-thread');
    await expectAccessible(page, 'chat thread');
    await page.getByRole('button', { name: 'Close thread' }).click();
    await thread.getByText('4 replies').waitFor();
    await expect(thread.getByLabel(/unread in this thread/).count()).resolves.toBe(0);

    // The admin mentions the demo user in the conversation: it is in the mentions feed, the id shown as the name.
    const userId = (await persisted<{ me: { id: string } }>('WebViewer', {}, await tokenOf(DEMO_USER))).me.id;
    const ping = `Ping ${Date.now()}`;
    await persisted('WebSendMessage', { input: { roomId: dmId, text: `${ping} <@${userId}>` } }, adminToken);
    await page.getByRole('link', { name: 'Mentions of you' }).click();
    const mention = page.getByRole('list', { name: 'Messages that mention you' }).getByRole('listitem').filter({ hasText: ping });
    await mention.getByText('@Demo User').waitFor().catch(async (error: unknown) => {
      await page.screenshot({ path: '/tmp/depth-mentions.png', fullPage: true });
      throw error;
    });
    await expectAccessible(page, 'chat mentions');

    // Resume: once a message has arrived live, the reconnect after the next token refresh
    // resubscribes with that message as `after`.
    const subscribes: { after?: string | null }[] = [];
    page.on('websocket', (socket) =>
      socket.on('framesent', ({ payload }) => {
        const message = JSON.parse(String(payload)) as { type: string; payload?: { operationName?: string; variables?: { after?: string | null } } };
        if (message.type === 'subscribe' && message.payload?.operationName === 'WebMessageEvents') subscribes.push(message.payload.variables ?? {});
      }),
    );
    await page.getByRole('link', { name: /Lobby/ }).click();
    const lobby = page.getByRole('list', { name: 'Messages in Lobby' });
    await lobby.waitFor();
    const userToken = await tokenOf(DEMO_USER);
    const lobbyId = new URL(page.url()).pathname.split('/').at(-1)!;
    const text = `Live before the reconnect ${Date.now()}`;
    const sent = await persisted<{ sendMessage: { id: string } }>('WebSendMessage', { input: { roomId: lobbyId, text } }, userToken);
    await lobby.getByText(text).waitFor({ timeout: 30_000 });
    // session.ts refreshes a fifth of the token's lifetime before it ends.
    const refreshDueAt = signedInAt + ACCESS_TOKEN_TTL_SECONDS * 800;
    await page.clock.fastForward(Math.max(0, refreshDueAt - Date.now()) + 1_000);
    await expect.poll(() => subscribes.some((variables) => variables.after === sent.sendMessage.id), { timeout: (ACCESS_TOKEN_TTL_SECONDS + 15) * 1000, interval: 500 }).toBe(true);
    await context.close();
  }, 150_000);

  it('organisations: the invitation link from the e-mail lets another signed-in person join', async () => {
    const context = await newContext();
    const page = await signInAsDemo(context);
    await open(page, 'Organisations');
    const team = page.getByRole('article', { name: /Demo Team/ });
    const email = `joiner.${Date.now()}@example.com`;
    await team.getByLabel('Email to invite').waitFor({ timeout: 60_000 });
    await team.getByLabel('Email to invite').fill(email);
    await team.getByRole('button', { name: 'Invite' }).click();
    const token = (await team.getByTestId('invitation-token').textContent())!.trim();
    // The link as tenancy's invitation mail builds it (TENANCY_INVITATION_URL + ?token=).
    const link = (await team.getByTestId('invitation-link').getAttribute('href'))!;
    expect(link).toBe(`${origin}/app/invitations/accept?token=${encodeURIComponent(token)}`);
    await context.close();

    const invitee = await newContext();
    const person = await invitee.newPage();
    await person.goto(`${origin}/app/register`);
    await person.getByLabel('Display name').fill('Web Joiner');
    await person.getByLabel('Email').fill(email);
    await person.getByLabel('Password').fill('correct horse battery staple');
    await person.getByRole('button', { name: 'Create account' }).click();
    // Signed up (the app lands on Todos) or refused: a refusal fails with the page's own message.
    await person.getByRole('heading', { name: 'Todos' }).or(person.getByRole('alert')).first().waitFor();
    expect(await person.getByRole('alert').allTextContents(), graph.output().slice(-4000)).toEqual([]);
    await person.goto(link);
    await person.getByRole('button', { name: 'Accept invitation' }).waitFor();
    await expectAccessible(person, 'invitation');
    await person.getByRole('button', { name: 'Accept invitation' }).click();
    await person.getByRole('status').getByText(/^You joined Demo Team as member/).waitFor();
    // The link works once.
    await person.reload();
    await person.getByRole('button', { name: 'Accept invitation' }).click();
    await person.getByRole('alert').waitFor();
    await invitee.close();
  }, 90_000);
});
