import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import postgres from 'postgres';
import * as schema from './schema';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export type Database = {
	db: Db;
	driver: 'pglite' | 'postgres';
	close: () => Promise<void>;
};

export type DatabaseOptions = {
	/** postgres:// URL; when absent the embedded PGlite is used. */
	url?: string;
	/** Folder for PGlite's files; `memory://` keeps it in memory (tests). */
	dataDir?: string;
	migrationsFolder?: string;
};

// Serialises migrations when several app processes start at once on one PostgreSQL.
const MIGRATION_LOCK = 72_410_001;

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
	const migrationsFolder = options.migrationsFolder ?? path.resolve('drizzle');
	if (options.url) {
		// STACK.md trap 8: postgres.js prints NOTICE objects during migrations.
		const migrator = postgres(options.url, { max: 1, onnotice: () => {} });
		try {
			await migrator`select pg_advisory_lock(${MIGRATION_LOCK})`;
			await migratePostgres(drizzlePostgres(migrator, { casing: 'snake_case' }), {
				migrationsFolder
			});
			await migrator`select pg_advisory_unlock(${MIGRATION_LOCK})`;
		} finally {
			await migrator.end();
		}
		const sql = postgres(options.url, {
			max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
			onnotice: () => {}
		});
		const db = drizzlePostgres(sql, { schema, casing: 'snake_case' }) as unknown as Db;
		return { db, driver: 'postgres', close: () => sql.end({ timeout: 5 }) };
	}

	const dataDir = options.dataDir ?? path.resolve(process.env.DATA_DIR ?? 'data', 'pglite');
	// STACK.md trap 6: PGlite does not create parent folders.
	if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
	const client = await PGlite.create(dataDir);
	const pglite = drizzlePglite(client, { schema, casing: 'snake_case' });
	await migratePglite(pglite, { migrationsFolder });
	return { db: pglite as unknown as Db, driver: 'pglite', close: () => client.close() };
}
