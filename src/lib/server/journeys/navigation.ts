import { error, redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import * as m from '$lib/paraglide/messages.js';
import { flowPath, type Where } from '$lib/paths';

/** 303 to a part of the journey at `base`, in the voter's language (POST → GET, back works). */
export function goTo(base: string, token: string, where: Where): never {
	redirect(303, localizeHref(flowPath(base, token, where)));
}

/** An unknown or mistyped resume link: a friendly 404 that reveals nothing about other drafts. */
export function notFound(): never {
	error(404, { message: m.draft_not_found() });
}

/** Resolves a service answer: data, a redirect elsewhere in the journey, or not found. */
export function unwrap<T extends object>(
	base: string,
	token: string,
	result: T | { redirect: Where } | null
): T {
	if (!result) notFound();
	if ('redirect' in result) goTo(base, token, result.redirect as Where);
	return result as T;
}

/** A body that is not a readable form (broken multipart, wrong type) is the client's error. */
export async function formData(request: Request): Promise<FormData> {
	try {
		return await request.formData();
	} catch {
		error(400, { message: m.error_bad_request() });
	}
}
