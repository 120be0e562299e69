// See https://svelte.dev/docs/kit/types#app.d.ts
import type { StaffRole } from '$lib/server/db/schema';

declare global {
	namespace App {
		interface Error {
			message: string;
		}
		interface Locals {
			/** The signed-in account, read from the `__Host-session` cookie by the session hook. */
			session: {
				accountId: string;
				kind: 'voter' | 'staff' | 'association';
				/** Association members only: the association whose links they manage. */
				associationId: string | null;
				roles: StaffRole[];
				displayName: string | null;
				/** When the session ends: the earlier of the idle and the absolute time-out. */
				expiresAt: Date;
			} | null;
		}
	}
}

export {};
