/**
 * The words of the reminders, in the subscriber's language: the confirmation e-mail (double
 * opt-in), a reminder e-mail per cut-off and lead time, and the same reminder as a push
 * notification. Every link is absolute (ORIGIN) and in the subscriber's language.
 */
import {
	amsterdamDay,
	daysBetween,
	AMSTERDAM,
	type DueReminder,
	type ElectionType
} from '$lib/domain';
import { formatDate, formatInstant, message } from '$lib/i18n';
import { actionHref } from '$lib/journeys/overview';
import { localizeHref } from '$lib/paraglide/runtime';
import * as config from '$lib/server/config';
import { renderEmail, type RenderedEmail } from '$lib/server/mail';

/** An absolute link to a page of the portal in `locale`. */
export const link = (path: string, locale: string) =>
	`${config.origin()}${localizeHref(path, { locale: locale as never })}`;

export const managePath = (token: string) => `/reminders/${token}`;
export const unsubscribePath = (token: string) => `/reminders/unsubscribe/${token}`;
export const calendarPath = (slug: string, kind: string) =>
	`/api/v1/elections/${encodeURIComponent(slug)}.ics?kind=${kind}`;

const typeList = (types: readonly ElectionType[], locale: string) =>
	types.map((t) => message(`election_type_${t}`, {}, locale)).join(', ');

/** The double opt-in: a link to the page that confirms (a button, so a mail scanner cannot). */
export function confirmationEmail(
	locale: string,
	types: readonly ElectionType[],
	token: string
): RenderedEmail {
	const m = (key: string, params?: Record<string, string>) => message(key, params, locale);
	return renderEmail({
		locale,
		subject: m('reminders_confirm_subject'),
		paragraphs: [
			m('reminders_confirm_mail_intro', { types: typeList(types, locale) }),
			m('reminders_confirm_mail_action'),
			{ link: { label: m('reminders_confirm_mail_link'), href: link(managePath(token), locale) } },
			m('reminders_confirm_mail_ignore')
		]
	});
}

/** "13 March 2030" for a cut-off at the end of a day; "15 May 2030, 15:00 (Dutch time)" else. */
function closesWhen(reminder: DueReminder, locale: string): string {
	const { cutoff } = reminder;
	if (cutoff.time === 'end-of-day') return formatDate(cutoff.day, locale, true);
	return message(
		'cutoff_time_den_haag',
		{ datetime: formatInstant(cutoff.closesAt, AMSTERDAM, locale) },
		locale
	);
}

/** One line: which cut-off, of which election, closing when. */
function dueLine(reminder: DueReminder, locale: string): string {
	const { election, cutoff } = reminder;
	return message(
		'reminders_mail_due',
		{
			cutoff: message(`cutoff_${cutoff.kind}`, {}, locale),
			election: message(
				'overview_election_name',
				{ type: election.type, date: election.electionDay },
				locale
			),
			when: closesWhen(reminder, locale)
		},
		locale
	);
}

function daysLeft(reminder: DueReminder, now: Date, locale: string): string {
	const days = daysBetween(amsterdamDay(now), reminder.cutoff.day);
	return days <= 0
		? message('reminders_mail_today', {}, locale)
		: message('countdown_days', { count: String(days) }, locale);
}

/** The reminder of one cut-off, with a link to act, to the calendar, and to stop (RFC 8058). */
export function reminderEmail(
	reminder: DueReminder,
	locale: string,
	now: Date,
	unsubscribeToken: string
): RenderedEmail & { unsubscribeUrl: string } {
	const m = (key: string, params?: Record<string, string>) => message(key, params, locale);
	const { election, cutoff } = reminder;
	const act = actionHref(cutoff.kind, election.slug);
	const unsubscribeUrl = link(unsubscribePath(unsubscribeToken), locale);
	const rendered = renderEmail({
		locale,
		subject: m('reminders_mail_subject', {
			cutoff: m(`cutoff_${cutoff.kind}`),
			date: cutoff.day
		}),
		paragraphs: [
			dueLine(reminder, locale),
			daysLeft(reminder, now, locale),
			m(`reminders_mail_why_${cutoff.kind}`),
			...(election.provisional ? [m('reminders_mail_provisional')] : []),
			`${m('legal_basis')} ${cutoff.basis.map((b) => b.code).join(', ')}`,
			...(act
				? [{ link: { label: m(`overview_act_${cutoff.kind}`), href: link(act, locale) } }]
				: []),
			{
				link: {
					label: m('overview_add_to_calendar'),
					href: link(calendarPath(election.slug, cutoff.kind), locale)
				}
			},
			m('reminders_mail_why_you'),
			{ link: { label: m('reminders_mail_unsubscribe'), href: unsubscribeUrl } }
		]
	});
	return { ...rendered, unsubscribeUrl };
}

export type PushPayload = { title: string; body: string; url: string; tag: string; lang: string };

/** The same reminder as a notification: short, and opening the page to act on it. */
export function reminderPush(reminder: DueReminder, locale: string, now: Date): PushPayload {
	const { election, cutoff } = reminder;
	const act = actionHref(cutoff.kind, election.slug) ?? '/elections';
	return {
		title: message(
			'reminders_mail_subject',
			{ cutoff: message(`cutoff_${cutoff.kind}`, {}, locale), date: cutoff.day },
			locale
		),
		body: `${dueLine(reminder, locale)} ${daysLeft(reminder, now, locale)}`,
		url: link(act, locale),
		// A later reminder of the same cut-off replaces the earlier notification.
		tag: `${election.slug}-${cutoff.kind}`,
		lang: locale
	};
}
