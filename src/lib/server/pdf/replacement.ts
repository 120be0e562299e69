/**
 * The written request for a replacement postal voting certificate (KW M 6b(3); the model of
 * M 6b(7)): in Dutch, with the voter's language beside it, after a cover sheet in the voter's
 * language.
 */
import * as m from '$lib/paraglide/messages.js';
import { message } from '$lib/i18n';
import { resolveLocale } from './locale';
import { renderRequestPdf, type RequestChoice, type RequestPdfInput } from './request';
import { formatDate } from './text';

export type ReplacementPdfInput = {
	reference: string;
	locale: string;
	/** IsoDate. */
	generatedOn: string;
	election: {
		type: 'TK' | 'EP' | 'KNI';
		electionDay: string;
		provisional: boolean;
		/** M 6b(3): a written request is received by this day. */
		cutoffDay: string;
		/** M 6b(4): in person until 12:00 on this day. */
		inPersonDay: string;
		uploadBy: string | null;
		postBy: string | null;
	};
	reason: 'lost' | 'not_received';
	voter: {
		surname: string;
		firstNames: string;
		dateOfBirth: string;
		bsn: string | null;
		/** The residential address: lines and the country's Dutch name. */
		address: { lines: string[]; country: string };
	};
	/** M 6b(3); in Aruba, Curaçao and Sint Maarten by post only (M 6b(5)). */
	delivery:
		{ by: 'email'; email: string } | { by: 'post'; address: { lines: string[]; country: string } };
	/** Whether e-mail could be chosen (not in Aruba, Curaçao or Sint Maarten, M 6b(5)). */
	emailAllowed: boolean;
	destination: { name: string; lines: string[]; email: string | null };
	/** The Dutch representation the request may also go through (M 6b(2)), if any. */
	representation: { name: string; lines: string[] } | null;
};

/** The request's own words: Dutch whatever the voter's language, as the model is. */
export const REPLACEMENT_NL = {
	title: 'Verzoek om een vervangend briefstembewijs (artikel M 6b Kieswet)',
	continued: 'Verzoek om een vervangend briefstembewijs (vervolg)',
	submitTo: 'de burgemeester van ’s-Gravenhage (gemeente Den Haag)',
	election: {
		TK: 'Tweede Kamer der Staten-Generaal',
		EP: 'Europees Parlement',
		KNI: 'kiescollege niet-ingezetenen'
	},
	electionWithArticle: {
		TK: 'de Tweede Kamer der Staten-Generaal',
		EP: 'het Europees Parlement',
		KNI: 'het kiescollege niet-ingezetenen'
	},
	request: (election: string, day: string) =>
		`Ik verzoek om een vervangend briefstembewijs voor de verkiezing van de leden van ${election} op ${day} (artikel M 6b, eerste lid, Kieswet). Ik weet dat mijn eerdere briefstembewijs daarmee ongeldig wordt (artikel M 5, tweede lid, onder a, Kieswet).`,
	sectionElection: 'Verkiezing',
	electionLabel: 'Verkiezing van de leden van',
	electionDay: 'Dag van de stemming',
	sectionReason: 'Reden van het verzoek',
	reason: {
		lost: 'Mijn briefstembewijs is in het ongerede geraakt',
		not_received: 'Ik heb mijn briefstembewijs niet ontvangen'
	},
	sectionPersonal: 'Persoonsgegevens',
	surname: 'Geslachtsnaam',
	firstNames: 'Voornamen',
	dateOfBirth: 'Geboortedatum',
	bsn: 'Burgerservicenummer (BSN)',
	notGiven: 'Niet opgegeven',
	address: 'Woonadres',
	sectionDelivery:
		'Toezending van het vervangend briefstembewijs (artikel M 6b, derde lid, Kieswet)',
	byPost: 'Per post',
	byEmail: 'Per e-mail',
	email: 'E-mailadres',
	postAddress: 'Postadres',
	enclosure:
		'Kopie van een geldig identiteitsbewijs (artikel M 6b, derde lid, Kieswet); het BSN mag onleesbaar zijn gemaakt.'
} as const;

export async function renderReplacementPdf(input: ReplacementPdfInput): Promise<Uint8Array> {
	const locale = resolveLocale(input.locale);
	const o = { locale };
	const nl = REPLACEMENT_NL;
	const { election, voter, delivery } = input;
	const electionName = message(
		'replacement_election_option',
		{ type: election.type, date: election.electionDay },
		locale
	);
	const translation = (text: string) => (locale === 'nl' ? null : text);
	const byEmail = delivery.by === 'email';
	const dutchDay = formatDate(election.electionDay, 'nl');
	const requestNl = nl.request(nl.electionWithArticle[election.type], dutchDay);

	const deliveryChoices: RequestChoice[] = [
		{ dutch: nl.byPost, label: m.replacement_pdf_form_by_post, checked: !byEmail },
		...(input.emailAllowed
			? [{ dutch: nl.byEmail, label: m.replacement_pdf_form_by_email, checked: byEmail }]
			: [])
	];
	const notices = [m.replacement_pdf_cover_old_invalid({}, o)];
	if (input.representation) {
		notices.push(
			m.replacement_pdf_cover_caribbean({ representation: input.representation.name }, o)
		);
	}
	// In Aruba, Curaçao and Sint Maarten the in-person route is the representation (said above);
	// elsewhere it is Den Haag, until 12:00 on the 9th day (M 6b(4)).
	if (!input.representation) {
		notices.push(
			m.replacement_pdf_cover_in_person({ date: formatDate(election.inPersonDay, locale) }, o)
		);
	}

	const doc: RequestPdfInput = {
		reference: input.reference,
		locale,
		generatedOn: input.generatedOn,
		metaTitle: m.replacement_pdf_meta_title,
		cover: {
			title: m.replacement_pdf_cover_title,
			intro: m.replacement_pdf_cover_intro,
			legalAct: m.replacement_pdf_cover_legal_act,
			deadline: {
				electionName: m.replacement_pdf_cover_election({ election: electionName }, o),
				cutoff: m.replacement_pdf_cover_cutoff({ date: formatDate(election.cutoffDay, locale) }, o),
				uploadBy: election.uploadBy,
				postBy: election.postBy,
				provisional: election.provisional
			},
			checklist: [
				[m.pdf_cover_check_print({}, o)],
				[m.pdf_cover_check_sign({}, o)],
				// The enclosure on the form says the BSN may be blacked out.
				[m.replacement_pdf_cover_check_id({}, o)],
				[m.pdf_cover_check_send({}, o)]
			],
			notices,
			destination: input.destination
		},
		form: {
			title: nl.title,
			titleLabel: m.replacement_pdf_form_title,
			continued: nl.continued,
			submitTo: nl.submitTo,
			request: {
				dutch: requestNl,
				translation: translation(m.replacement_pdf_form_request({ election: electionName }, o))
			},
			sections: [
				{
					dutch: nl.sectionElection,
					label: m.replacement_pdf_form_section_election,
					rows: [
						[
							{
								dutch: nl.electionLabel,
								label: m.replacement_pdf_form_election,
								value: [nl.election[election.type]],
								note: translation(message(`election_type_${election.type}`, {}, locale)),
								weight: 1.4
							},
							{
								dutch: nl.electionDay,
								label: m.replacement_pdf_form_election_day,
								value: [dutchDay]
							}
						]
					]
				},
				{
					dutch: nl.sectionReason,
					label: m.replacement_pdf_form_section_reason,
					choices: (['lost', 'not_received'] as const).map((reason) => ({
						dutch: nl.reason[reason],
						label:
							reason === 'lost'
								? m.replacement_pdf_form_reason_lost
								: m.replacement_pdf_form_reason_not_received,
						checked: input.reason === reason
					}))
				},
				{
					dutch: nl.sectionPersonal,
					label: m.pdf_form_section_personal,
					rows: [
						[
							{ dutch: nl.surname, label: m.pdf_form_surname, value: [voter.surname] },
							{ dutch: nl.firstNames, label: m.pdf_form_first_names, value: [voter.firstNames] }
						],
						[
							{
								dutch: nl.dateOfBirth,
								label: m.pdf_form_date_of_birth,
								value: [formatDate(voter.dateOfBirth, 'nl')]
							},
							voter.bsn
								? { dutch: nl.bsn, label: m.pdf_form_bsn, value: [voter.bsn] }
								: {
										dutch: nl.bsn,
										label: m.pdf_form_bsn,
										value: [nl.notGiven],
										note: translation(m.pdf_form_not_given({}, o))
									}
						],
						[
							{
								dutch: nl.address,
								label: m.pdf_form_residential_address,
								value: [...voter.address.lines, voter.address.country]
							}
						]
					]
				},
				{
					dutch: nl.sectionDelivery,
					label: m.replacement_pdf_form_section_delivery,
					choices: deliveryChoices,
					rows: [
						[
							delivery.by === 'email'
								? { dutch: nl.email, label: m.pdf_form_email, value: [delivery.email] }
								: {
										dutch: nl.postAddress,
										label: m.replacement_pdf_form_post_address,
										value: [...delivery.address.lines, delivery.address.country]
									}
						]
					]
				}
			],
			enclosure: { dutch: nl.enclosure, label: m.replacement_pdf_form_enclosure }
		}
	};
	return renderRequestPdf(doc);
}
