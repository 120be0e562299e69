/**
 * A database for one test file: an in-memory PGlite by default, or a fresh database on the
 * PostgreSQL server named by DATABASE_URL (CI runs the same tests against both drivers).
 */
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { openDatabase, type Database } from '$lib/server/db/client';
import { seedElections } from '$lib/server/db/seed';
import { closeDatabase, useDatabase } from '$lib/server/db';

export async function openTestDatabase(): Promise<Database> {
	const url = process.env.DATABASE_URL;
	if (!url) {
		const database = await openDatabase({ dataDir: 'memory://' });
		await seedElections(database.db);
		return database;
	}
	const name = `portal_test_${randomBytes(6).toString('hex')}`;
	const admin = postgres(url, { max: 1, onnotice: () => {} });
	await admin.unsafe(`create database ${name}`);
	await admin.end();
	const target = new URL(url);
	target.pathname = `/${name}`;
	const database = await openDatabase({ url: target.href });
	await seedElections(database.db);
	return {
		...database,
		driver: 'postgres',
		close: async () => {
			await database.close();
			const cleanup = postgres(url, { max: 1, onnotice: () => {} });
			await cleanup.unsafe(`drop database if exists ${name} with (force)`);
			await cleanup.end();
		}
	};
}

/** Opens a test database and makes the services use it; returns the teardown. */
export async function withTestDatabase(): Promise<{
	database: Database;
	close: () => Promise<void>;
}> {
	const database = await openTestDatabase();
	useDatabase(database);
	return {
		database,
		close: async () => {
			await closeDatabase();
		}
	};
}
