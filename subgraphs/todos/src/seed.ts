import type { SeedContext } from '@mosaic/kit';

const CREATE_TODO = `mutation($input: CreateTodoInput!) { createTodo(input: $input) { id } }`;

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
    { title: 'Pay rent', recurrence: 'FREQ=MONTHLY;BYMONTHDAY=1', dueAt: inDays(now, 3) },
    { title: 'Read "Designing Data-Intensive Applications"', priority: 'LOW' },
  ];
  for (const input of todos) await seed.graphql(CREATE_TODO, { input }, 'user');
  // Shared in the demo user's organisation ("Demo Team", seeded by tenancy): the demo admin, a
  // member there, sees these too — and neither sees the other's personal todos.
  const team = { account: 'user', inOrganization: true } as const;
  await seed.graphql(CREATE_TODO, { input: { title: 'Plan the team offsite', priority: 'HIGH', dueAt: inDays(now, 7), shared: true } }, team);
  await seed.graphql(CREATE_TODO, { input: { title: 'Review the onboarding checklist', shared: true } }, team);
  await seed.graphql(CREATE_TODO, { input: { title: 'Rotate the on-call schedule', recurrence: 'FREQ=WEEKLY;BYDAY=FR', dueAt: inDays(now, 2), shared: true } }, { account: 'admin', inOrganization: true });
  await seed.graphql(CREATE_TODO, { input: { title: "Admin's private reminder" } }, 'admin');
}
