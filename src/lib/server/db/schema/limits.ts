import { index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Rate-limit counters, one row per bucket per fixed window. Kept in the database so that a limit
 * holds across restarts and across every app process behind the load balancer. A bucket names
 * the rule and the requester (a keyed hash of the client address, or the account): never the
 * person asked about, so nobody can use up someone else's allowance.
 */
export const rateLimits = pgTable(
	'rate_limits',
	{
		bucket: text().notNull(),
		windowStart: timestamp({ withTimezone: true }).notNull(),
		hits: integer().notNull().default(0)
	},
	(t) => [primaryKey({ columns: [t.bucket, t.windowStart] }), index().on(t.windowStart)]
);
