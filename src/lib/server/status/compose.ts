/**
 * The words of every message a status request causes, in the reader's language: the answer to a
 * registered voter (KW D 5), the office's alert that reasons are owed (KB D 8), and the notice of
 * the decision "not registered" with its reasons and the appeal route (KW D 8).
 */
import type { IsoDate, Reason, Standing } from '$lib/domain';
import { countryName, message } from '$lib/i18n';
import { localizeHref } from '$lib/paraglide/runtime';
import * as config from '$lib/server/config';
import type { PostalAddress } from '$lib/server/db/schema';
import { render, type Block, type Rendered } from './render';

const p = (text: string): Block => ({ kind: 'paragraph', text });
const link = (path: string, locale: string) =>
	`${config.origin()}${localizeHref(path, { locale: locale as never })}`;

export function addressLines(address: PostalAddress, locale: string): string[] {
	return [...address.lines, countryName(address.country, locale)];
}

export type Addressee = {
	firstNames: string;
	surname: string;
	locale: string;
	residentialAddress: PostalAddress;
	correspondenceAddress: PostalAddress | null;
};

/** KW D 5: registered, for which types and since when, where the papers go, how to change. */
export function registeredAnswer(person: Addressee, held: Standing, receivedOn: IsoDate): Rendered {
	const l = person.locale;
	const m = (key: string, params?: Record<string, string>) => message(key, params, l);
	// MvT §3.5: papers go to the correspondence address where one is registered.
	const papers = person.correspondenceAddress ?? person.residentialAddress;
	return render(
		m('status_answer_subject'),
		[
			p(m('status_answer_greeting', { name: `${person.firstNames} ${person.surname}` })),
			p(m('status_answer_intro', { date: receivedOn })),
			{
				kind: 'list',
				items: held.types.map((t) =>
					m(t.future ? 'status_answer_type_from' : 'status_answer_type_since', {
						type: t.type,
						date: t.since
					})
				)
			},
			p(m('status_answer_papers')),
			{ kind: 'address', lines: addressLines(papers, l) },
			p(m('status_answer_change', { url: link('/', l) })),
			p(m('status_answer_not_you')),
			p(m('status_answer_basis')),
			p(m('status_signoff'))
		],
		l
	);
}

/**
 * The office's alert that a request found nobody and the reasons are due (KB D 8). It names no
 * one: the request itself is read in the office, where the reading is audited.
 */
export function officeAlert(reference: string, dueOn: IsoDate): Rendered {
	const l = 'nl';
	return render(
		message('status_office_alert_subject', { reference, date: dueOn }, l),
		[
			p(message('status_office_alert_text', { date: dueOn }, l)),
			p(`${config.origin()}/office/status-requests/${reference}`)
		],
		l
	);
}

/** A reason in words: its message with the cause named in the reader's language. */
export function reasonText(reason: Reason, locale: string): string {
	const params = { ...reason.params };
	if (params.cause) params.cause = message(`status_end_cause_${params.cause}`, {}, locale);
	return message(`status_reason_${reason.code}`, params, locale);
}

/** The decision "not registered": the reasons with their articles, and the appeal route. */
export function notRegisteredNotice(input: {
	locale: string;
	receivedOn: IsoDate;
	reasons: Reason[];
	remarks: string;
	appealBy: IsoDate;
}): Rendered {
	const l = input.locale;
	const m = (key: string, params?: Record<string, string>) => message(key, params, l);
	const articles = [...new Set(input.reasons.flatMap((r) => r.basis.map((b) => b.code)))];
	return render(
		m('status_notice_subject'),
		[
			p(m('status_notice_intro', { date: input.receivedOn })),
			{ kind: 'list', items: input.reasons.map((r) => reasonText(r, l)) },
			...(input.remarks ? [p(m('status_notice_remarks', { remarks: input.remarks }))] : []),
			p(m('status_notice_basis', { articles: articles.join(', ') })),
			p(m('status_notice_register', { url: link('/register', l) })),
			p(m('status_notice_appeal', { date: input.appealBy })),
			p(m('status_signoff'))
		],
		l
	);
}
