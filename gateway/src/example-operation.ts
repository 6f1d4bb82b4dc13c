/**
 * Shown in Apollo Sandbox on first open. The graph's composition root passes one that signs in as
 * its demo user (`sandboxDocument`); without one, Sandbox opens on a query anyone may run.
 */
export const defaultSandboxDocument = `# Sign in with the login mutation, put the accessToken into the Headers tab as
#   Authorization: Bearer <token>
# and read across subgraphs with \`me { … }\`.
query Hello {
  __typename
}
`;
