import { defineConfig } from 'drizzle-kit';

// drizzle-kit only generates migrations from the schema; it never connects.
export default defineConfig({
	dialect: 'postgresql',
	schema: './src/lib/server/db/schema/index.ts',
	out: './drizzle',
	casing: 'snake_case'
});
