import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/data/tables.ts', './src/data/attachment-tables.ts'],
  out: './drizzle',
  schemaFilter: ['chat'],
});
