import { registerStart, type Where } from '$lib/paths';
import * as journeys from '$lib/server/journeys/navigation';

export { formData, notFound } from '$lib/server/journeys/navigation';

/** 303 to a part of the registration journey in the voter's language. */
export function goTo(token: string, where: Where): never {
	journeys.goTo(registerStart, token, where);
}

/** Resolves a service answer: data, a redirect elsewhere in the journey, or not found. */
export function unwrap<T extends object>(token: string, result: T | { redirect: Where } | null): T {
	return journeys.unwrap(registerStart, token, result);
}
