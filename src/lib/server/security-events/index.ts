/**
 * Security events (OWASP ASVS 5.0 V16.3: authentication, authorisation failures and anti-automation
 * refusals are logged): one JSON line each on standard output, for the operator's log collection
 * and alerting. They carry pseudonyms only, never personal data: an account's id, a client as the
 * rate limits' keyed hash, the path. The audit log keeps the office's actions on the register;
 * these are about who tried what.
 */
export type SecurityEvent =
	| { event: 'sign_in.succeeded'; kind: 'voter' | 'staff' | 'association'; account: string }
	| { event: 'sign_in.failed'; kind: 'voter' | 'staff' | 'association'; reason: string }
	| { event: 'access.forbidden'; account: string; path: string; needs: readonly string[] }
	| { event: 'rate_limit.refused'; rule: string; subject: string };

export function log(entry: SecurityEvent, now: Date = new Date()): void {
	console.info(JSON.stringify({ type: 'security', at: now.toISOString(), ...entry }));
}
