import { DEMO_USER } from './seed';

/** What Apollo Sandbox opens with in all-in-one: sign in as the seeded demo user, then read across subgraphs. */
export const sandboxDocument = `# 1. Run "Login" (the demo user is seeded by \`pnpm start\`).
# 2. Put the accessToken into the Headers tab as  Authorization: Bearer <token>
# 3. Run "Me": User comes from accounts, todos and notes from their own subgraphs.

mutation Login {
  login(input: { email: "${DEMO_USER.email}", password: "${DEMO_USER.password}" }) {
    accessToken
    refreshToken
    user { id displayName }
  }
}

query Me {
  me {
    email
    displayName
    todos(first: 5) { edges { node { title done priority dueAt } } }
    notes(first: 5) { edges { node { title tags pinned } } }
  }
}
`;
