import * as m from '$lib/paraglide/messages.js';
import { amsterdamDay } from '$lib/domain/dates';
import { countryName, formatDate, formatTime, hasMessage, message } from '$lib/i18n';

/** A moment as the office reads it: the day and time in Den Haag. */
export const when = (date: Date) =>
	m.office_date_time({
		date: formatDate(amsterdamDay(date)),
		time: formatTime(date, undefined, 'Europe/Amsterdam')
	});

/** The language a message was written in, by its name. */
export const language = (locale: string) =>
	hasMessage(`office_language_${locale}`) ? message(`office_language_${locale}`) : locale;

// The outbox holds e-mail and letters only ('none' is a decision's channel, never a message's).
export const channel = (value: string) =>
	value === 'email' ? m.office_outbox_channel_email() : m.office_outbox_channel_letter();

/** The addressee: the e-mail address, or the letter's name and country. */
export const recipient = (value: string | null, country: string | null) =>
	[value ?? m.office_outbox_no_name(), ...(country ? [countryName(country)] : [])].join(', ');
