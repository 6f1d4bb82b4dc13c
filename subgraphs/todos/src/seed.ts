import type { SeedContext } from '@mosaic/kit';

const CREATE_TODO = `mutation($input: CreateTodoInput!) { createTodo(input: $input) { id } }`;

const inDays = (now: Date, days: number, hour = 9) => {
  const date = new Date(now);
  date.setUTCDate(date.getUTCDate() + days);
  date.setUTCHours(hour, 0, 0, 0);
  return date.toISOString();
};

/** The demo user's todos: one due today, recurring ones, one without a date. */
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
}
