import { decodeId, type SeedContext } from '@mosaic/kit';
import { findKnownUsers } from './data/known-users-repo';

const CREATE_TODO = `mutation($input: CreateTodoInput!) { createTodo(input: $input) { id } }`;
const CREATE_LABEL = `mutation($input: LabelInput!) { createLabel(input: $input) { id } }`;
const CREATE_PROJECT = `mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }`;
const CREATE_SECTION = `mutation($projectId: ID!, $name: String!) { createSection(projectId: $projectId, name: $name) { id } }`;
const SHARE = `mutation($projectId: ID!, $userId: ID!) { shareProject(projectId: $projectId, userId: $userId, role: EDITOR) { id } }`;
const QUICK_ADD = `mutation($text: String!) { quickAddTodo(text: $text) { id } }`;
const ADD_REMINDER = `mutation($input: AddReminderInput!) { addReminder(input: $input) { id } }`;
const SAVE_FILTER = `mutation($input: SavedFilterInput!) { createSavedFilter(input: $input) { id } }`;
/** Asking for your projects makes your Inbox; its owner is your public User id. */
const WHO_AM_I = `{ projects { owner { id } } }`;

type Id = { id: string };

/** How long seeding waits for accounts' account.registered to reach todos (in process: milliseconds). */
const PROJECTION_WAIT_MS = 15_000;

/** Sharing needs the user in todos' projection of accounts' events, which follows the registration shortly after. */
async function knownUser(seed: SeedContext, publicId: string): Promise<void> {
  const userId = decodeId('User', publicId);
  const deadline = Date.now() + PROJECTION_WAIT_MS;
  while ((await findKnownUsers(seed.db, [userId])).length === 0) {
    if (Date.now() > deadline) throw new Error('Seeding: account.registered of the demo admin never reached todos (are accounts\' events running?).');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const inDays = (now: Date, days: number, hour = 9) => {
  const date = new Date(now);
  date.setUTCDate(date.getUTCDate() + days);
  date.setUTCHours(hour, 0, 0, 0);
  return date.toISOString();
};

/** The demo user's todos: one due today, recurring ones, one without a date; and the demo team's shared ones. */
export async function seedTodos(seed: SeedContext): Promise<void> {
  const now = new Date();
  const todos = [
    { title: 'Try a federated query in Sandbox', priority: 'HIGH', dueAt: inDays(now, 0, 18) },
    { title: 'Water the plants', recurrence: 'FREQ=WEEKLY;BYDAY=MO,TH', dueAt: inDays(now, 1) },
    { title: 'Renew passport', priority: 'URGENT', dueAt: inDays(now, 14) },
    { title: 'Read "Designing Data-Intensive Applications"', priority: 'LOW' },
  ];
  const ids: string[] = [];
  for (const input of todos) ids.push((await seed.graphql<{ createTodo: Id }>(CREATE_TODO, { input }, 'user')).createTodo.id);
  await seedProjects(seed, now, ids[2]!);
  // Shared in the demo user's organisation ("Demo Team", seeded by tenancy): the demo admin, a
  // member there, sees these too — and neither sees the other's personal todos.
  const team = { account: 'user', inOrganization: true } as const;
  await seed.graphql(CREATE_TODO, { input: { title: 'Plan the team offsite', priority: 'HIGH', dueAt: inDays(now, 7), shared: true } }, team);
  await seed.graphql(CREATE_TODO, { input: { title: 'Review the onboarding checklist', shared: true } }, team);
  await seed.graphql(CREATE_TODO, { input: { title: 'Rotate the on-call schedule', recurrence: 'FREQ=WEEKLY;BYDAY=FR', dueAt: inDays(now, 2), shared: true } }, { account: 'admin', inOrganization: true });
  await seed.graphql(CREATE_TODO, { input: { title: "Admin's private reminder" } }, 'admin');
}

/**
 * Projects with sections and subtasks, labels, a project shared with the demo admin, quick add,
 * a reminder and saved views — what Todoist and Vikunja users look for first.
 */
async function seedProjects(seed: SeedContext, now: Date, passportId: string): Promise<void> {
  const as = 'user' as const;
  const label = async (name: string, color: string) => (await seed.graphql<{ createLabel: Id }>(CREATE_LABEL, { input: { name, color } }, as)).createLabel.id;
  const project = async (name: string, color: string) => (await seed.graphql<{ createProject: Id }>(CREATE_PROJECT, { input: { name, color } }, as)).createProject.id;
  const section = async (projectId: string, name: string) => (await seed.graphql<{ createSection: Id }>(CREATE_SECTION, { projectId, name }, as)).createSection.id;
  const todo = async (input: Record<string, unknown>) => (await seed.graphql<{ createTodo: Id }>(CREATE_TODO, { input }, as)).createTodo.id;

  const home = await label('home', '#299438');
  const errands = await label('errands', '#ff9933');
  await label('work', '#4073ff');

  const house = await project('Home', '#299438');
  const kitchen = await section(house, 'Kitchen');
  const garden = await section(house, 'Garden');
  const kettle = await todo({ title: 'Descale the kettle', projectId: house, sectionId: kitchen, labelIds: [home], dueAt: inDays(now, 2) });
  await todo({ title: 'Buy descaler', parentId: kettle, labelIds: [errands], dueAt: inDays(now, 1, 17) });
  const hedge = await todo({ title: 'Trim the hedge', projectId: house, sectionId: garden, priority: 'MEDIUM', dueAt: inDays(now, 5) });
  await todo({ title: 'Sharpen the shears', parentId: hedge });
  await todo({ title: 'Book the green-waste pickup', parentId: hedge });
  await seed.graphql(QUICK_ADD, { text: 'Pay rent every month on the 1st at 9am #home p1' }, as);

  // Shared with the demo admin, who may add and change its todos (EDITOR).
  const launch = await project('Team launch', '#db4035');
  const adminId = (await seed.graphql<{ projects: { owner: Id }[] }>(WHO_AM_I, {}, 'admin')).projects[0]!.owner.id;
  await knownUser(seed, adminId);
  await seed.graphql(SHARE, { projectId: launch, userId: adminId }, as);
  const planning = await section(launch, 'Planning');
  await todo({ title: 'Draft the announcement', projectId: launch, sectionId: planning, priority: 'HIGH', dueAt: inDays(now, 2) });
  await seed.graphql(CREATE_TODO, { input: { title: 'Check the venue booking', projectId: launch, dueAt: inDays(now, 3) } }, 'admin');

  await seed.graphql(ADD_REMINDER, { input: { todoId: passportId, minutesBefore: 24 * 60 } }, as);
  await seed.graphql(SAVE_FILTER, { input: { name: 'Today', due: 'TODAY' } }, as);
  await seed.graphql(SAVE_FILTER, { input: { name: 'Next 7 days at home', due: 'NEXT_7_DAYS', labelId: home } }, as);
}
