/**
 * Secrets handed to a browser (session tokens, challenge ids, enrolment links) are 256 random
 * bits; the database keeps only their SHA-256, so a copy of the database lets nobody in.
 */
import { createHash, randomBytes } from 'node:crypto';

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export function newToken(): string {
	return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

export function isToken(token: string | undefined | null): token is string {
	return typeof token === 'string' && TOKEN.test(token);
}
