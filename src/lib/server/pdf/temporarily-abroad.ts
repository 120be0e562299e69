/**
 * The request of a resident temporarily abroad to vote by post (KW M 3), on the model's lines
 * ("Verzoek om per brief te stemmen vanuit het buitenland", M 3(6)): in Dutch, with the voter's
 * language beside it, after a cover sheet in the voter's language.
 */
import * as m from '$lib/paraglide/messages.js';
import { message } from '$lib/i18n';
import { resolveLocale } from './locale';
import { renderRequestPdf, type RequestPdfInput } from './request';
import { formatDate } from './text';

export type TemporarilyAbroadPdfInput = {
	reference: string;
	locale: string;
	/** IsoDate. */
	generatedOn: string;
	election: {
		type: 'TK' | 'EP';
		electionDay: string;
		provisional: boolean;
		/** M 3(3): received by this day. */
		cutoffDay: string;
		uploadBy: string | null;
		postBy: string | null;
	};
	voter: {
		surname: string;
		firstNames: string;
		dateOfBirth: string;
		bsn: string;
		/** The address in the Netherlands, as lines. */
		address: string[];
		/** M 4(4): the municipality where the voter is registered. */
		municipality: string;
	};
	stay: { from: string; until: string };
	/** M 3(4), M 3(5). */
	ballot:
		{ by: 'email'; email: string } | { by: 'post'; address: { lines: string[]; country: string } };
	destination: { name: string; lines: string[]; email: string | null };
};

/** The request's own words: Dutch whatever the voter's language, as the model is. */
export const TEMPORARILY_ABROAD_NL = {
	title: 'Verzoek om per brief te stemmen vanuit het buitenland (artikel M 3 Kieswet)',
	continued: 'Verzoek om per brief te stemmen vanuit het buitenland (vervolg)',
	submitTo: 'de burgemeester van ’s-Gravenhage (gemeente Den Haag)',
	election: { TK: 'de Tweede Kamer der Staten-Generaal', EP: 'het Europees Parlement' },
	electionName: { TK: 'Tweede Kamer der Staten-Generaal', EP: 'Europees Parlement' },
	request: (election: string, day: string) =>
		`Ik verzoek om bij de verkiezing van de leden van ${election} op ${day} per brief te mogen stemmen. Ik woon in Nederland en verblijf op de dag van de stemming buiten Nederland (artikel M 1, tweede lid, Kieswet).`,
	sectionElection: 'Verkiezing',
	electionLabel: 'Verkiezing van de leden van',
	electionDay: 'Dag van de stemming',
	sectionPersonal: 'Persoonsgegevens',
	surname: 'Geslachtsnaam',
	firstNames: 'Voornamen',
	dateOfBirth: 'Geboortedatum',
	bsn: 'Burgerservicenummer (BSN)',
	sectionAddress: 'Woonadres in Nederland',
	address: 'Adres',
	municipality: 'Gemeente waar ik als kiezer ben geregistreerd',
	sectionStay: 'Verblijf in het buitenland',
	from: 'Vertrek uit Nederland op',
	until: 'Terug in Nederland op',
	sectionBallot: 'Ontvangst van het stembiljet (artikel M 3, vierde en vijfde lid, Kieswet)',
	ballotEmail: 'Per e-mail',
	ballotPost: 'Per post',
	email: 'E-mailadres voor het stembiljet',
	postAddress: 'Postadres voor het stembiljet',
	enclosure:
		'Kopie van een geldig identiteitsbewijs als bedoeld in artikel 1 van de Wet op de identificatieplicht (artikel M 3, tweede lid, Kieswet).'
} as const;

export async function renderTemporarilyAbroadPdf(
	input: TemporarilyAbroadPdfInput
): Promise<Uint8Array> {
	const locale = resolveLocale(input.locale);
	const o = { locale };
	const nl = TEMPORARILY_ABROAD_NL;
	const { election, voter, stay, ballot } = input;
	const electionName = message(
		'temporarily_abroad_election_option',
		{ type: election.type, date: election.electionDay },
		locale
	);
	const translation = (text: string) => (locale === 'nl' ? null : text);
	const byEmail = ballot.by === 'email';

	const doc: RequestPdfInput = {
		reference: input.reference,
		locale,
		generatedOn: input.generatedOn,
		metaTitle: m.temporarily_abroad_pdf_meta_title,
		cover: {
			title: m.temporarily_abroad_pdf_cover_title,
			intro: m.temporarily_abroad_pdf_cover_intro,
			legalAct: m.temporarily_abroad_pdf_cover_legal_act,
			deadline: {
				electionName: m.temporarily_abroad_pdf_cover_election({ election: electionName }, o),
				cutoff: m.temporarily_abroad_pdf_cover_cutoff(
					{ date: formatDate(election.cutoffDay, locale) },
					o
				),
				uploadBy: election.uploadBy,
				postBy: election.postBy,
				provisional: election.provisional
			},
			checklist: [
				[m.pdf_cover_check_print({}, o)],
				[m.pdf_cover_check_sign({}, o)],
				[m.temporarily_abroad_pdf_cover_check_id({}, o), m.pdf_cover_check_bsn({}, o)],
				[m.pdf_cover_check_send({}, o)]
			],
			notices: [
				m.temporarily_abroad_pdf_cover_no_polling_card({}, o),
				byEmail
					? m.temporarily_abroad_pdf_cover_ballot_email({ email: ballot.email }, o)
					: m.temporarily_abroad_pdf_cover_ballot_post({}, o)
			],
			destination: input.destination
		},
		form: {
			title: nl.title,
			titleLabel: m.temporarily_abroad_pdf_form_title,
			continued: nl.continued,
			submitTo: nl.submitTo,
			request: {
				dutch: nl.request(nl.election[election.type], formatDate(election.electionDay, 'nl')),
				translation: translation(
					m.temporarily_abroad_pdf_form_request({ election: electionName }, o)
				)
			},
			sections: [
				{
					dutch: nl.sectionElection,
					label: m.temporarily_abroad_pdf_form_section_election,
					rows: [
						[
							{
								dutch: nl.electionLabel,
								label: m.temporarily_abroad_pdf_form_election,
								value: [nl.electionName[election.type]],
								note: translation(message(`election_type_${election.type}`, {}, locale)),
								weight: 1.4
							},
							{
								dutch: nl.electionDay,
								label: m.temporarily_abroad_pdf_form_election_day,
								value: [formatDate(election.electionDay, 'nl')]
							}
						]
					]
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
							{ dutch: nl.bsn, label: m.pdf_form_bsn, value: [voter.bsn] }
						]
					]
				},
				{
					dutch: nl.sectionAddress,
					label: m.temporarily_abroad_pdf_form_section_address,
					rows: [
						[
							{
								dutch: nl.address,
								label: m.temporarily_abroad_pdf_form_address,
								value: [...voter.address, 'Nederland']
							},
							{
								dutch: nl.municipality,
								label: m.temporarily_abroad_pdf_form_municipality,
								value: [voter.municipality]
							}
						]
					]
				},
				{
					dutch: nl.sectionStay,
					label: m.temporarily_abroad_pdf_form_section_stay,
					rows: [
						[
							{
								dutch: nl.from,
								label: m.temporarily_abroad_pdf_form_from,
								value: [formatDate(stay.from, 'nl')]
							},
							{
								dutch: nl.until,
								label: m.temporarily_abroad_pdf_form_until,
								value: [formatDate(stay.until, 'nl')]
							}
						]
					]
				},
				{
					dutch: nl.sectionBallot,
					label: m.temporarily_abroad_pdf_form_section_ballot,
					choices: [
						{
							dutch: nl.ballotEmail,
							label: m.temporarily_abroad_pdf_form_ballot_email,
							checked: byEmail
						},
						{
							dutch: nl.ballotPost,
							label: m.temporarily_abroad_pdf_form_ballot_post,
							checked: !byEmail
						}
					],
					rows: [
						[
							byEmail
								? {
										dutch: nl.email,
										label: m.temporarily_abroad_pdf_form_email,
										value: [ballot.email]
									}
								: {
										dutch: nl.postAddress,
										label: m.temporarily_abroad_pdf_form_post_address,
										value: [...ballot.address.lines, ballot.address.country]
									}
						]
					]
				}
			],
			enclosure: { dutch: nl.enclosure, label: m.temporarily_abroad_pdf_form_enclosure }
		}
	};
	return renderRequestPdf(doc);
}
