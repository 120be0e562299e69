import { openDatabase, type Database } from './client';
import { demoDataEnabled, seedDemoData } from './demo';
import { seedElections } from './seed';

export type { Db, Database } from './client';
export * as schema from './schema';

// One pool per process, created on first use. A connection pool is not application state: every
// fact lives in the database, so any number of processes can serve behind a load balancer.
let opened: Promise<Database> | undefined;

export function database(): Promise<Database> {
	opened ??= (async () => {
		const database = await openDatabase({ url: process.env.DATABASE_URL || undefined });
		await seedElections(database.db);
		// Issue 3 item 8: fictional voters for development and the browser tests, behind a flag.
		if (demoDataEnabled()) await seedDemoData(database.db);
		return database;
	})();
	return opened;
}

export async function db() {
	return (await database()).db;
}

/** Tests hand the services a database of their own (an in-memory PGlite or a fresh PostgreSQL). */
export function useDatabase(database: Database): void {
	opened = Promise.resolve(database);
}

export async function closeDatabase(): Promise<void> {
	if (!opened) return;
	const current = opened;
	opened = undefined;
	await (await current).close();
}
