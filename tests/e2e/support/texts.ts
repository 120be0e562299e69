/**
 * The words a voter sees, per language, written out as they read (from messages/nl.json and
 * messages/en.json) so that a changed or missing translation fails a test. Only what the tests
 * locate or assert is here.
 */
import { readFileSync } from 'node:fs';

export type Locale = 'nl' | 'en' | 'de' | 'fr' | 'es' | 'pap';
export type ElectionType = 'TK' | 'EP' | 'KNI';
export type Sex = 'M' | 'V' | 'X';
export type Channel =
	'den_haag_upload' | 'den_haag_post' | 'consular_post' | 'caribbean_representation' | 'minister';

export type Step =
	| 'nationality'
	| 'residence'
	| 'caribbean_ten_years'
	| 'caribbean_public_service'
	| 'date_of_birth'
	| 'election_types'
	| 'ep_declaration'
	| 'name'
	| 'sex'
	| 'address'
	| 'correspondence_choice'
	| 'correspondence_address'
	| 'contact'
	| 'bsn'
	| 'submission';

type Texts = {
	htmlLang: string;
	/** Path prefix of the language: Dutch is the base locale at `/`. */
	prefix: string;
	siteName: string;
	startTitle: string;
	start: string;
	continue: string;
	back: string;
	change: string;
	yes: string;
	no: string;
	notGiven: string;
	languageNav: string;
	languageName: string;
	transcriptTitle: string;
	errorSummaryTitle: string;
	errorTitlePrefix: string;
	errorPrefix: string;
	questions: Record<Step, string>;
	day: string;
	month: string;
	year: string;
	firstNames: string;
	surname: string;
	addressLine1: string;
	addressLine2: string;
	addressLine3: string;
	country: string;
	email: string;
	phone: string;
	epDeclarationYes: string;
	electionTypes: Record<ElectionType, string>;
	sex: Record<Sex, string>;
	channels: Record<Channel, string>;
	errors: {
		chooseOne: string;
		residenceRequired: string;
		dobRequired: string;
		dobIncomplete: string;
		dobInvalid: string;
		dobFuture: string;
		typesRequired: string;
		firstNamesRequired: string;
		firstNamesTooLong: string;
		firstNamesCharacters: string;
		surnameRequired: string;
		surnameCharacters: string;
		addressRequired: string;
		cityRequired: string;
		emailInvalid: string;
	};
	checkTitle: string;
	checkAnswersHeading: string;
	createForm: string;
	verdictsTitle: string;
	verdictsRefused: (type: string) => string;
	/** The title of the note that explains a type not on offer. */
	typeNotAvailable: (type: string) => string;
	startsOn: (date: string) => string;
	doneTitle: string;
	referenceLabel: string;
	download: string;
	notAbroadTitle: string;
	livesInBes: string;
	notAbroadNext: string;
	caribbeanConditionNotMet: string;
	epNoCaribbeanCondition: string;
	/** Date format of the pages: '3 februari 2027' / '3 February 2027'. */
	intlLocale: string;
};

/**
 * Texts of a language from its catalogue, for the languages whose words are not written out
 * below: the same keys the Dutch and English texts were copied from.
 */
function textsFromCatalogue(locale: Locale): Texts {
	const c = JSON.parse(readFileSync(`messages/${locale}.json`, 'utf8')) as Record<string, string>;
	const k = (key: string) => {
		const value = c[key];
		if (value === undefined) throw new Error(`messages/${locale}.json lacks ${key}`);
		return value;
	};
	const fill = (key: string, params: Record<string, string>) =>
		Object.entries(params).reduce((t, [n, v]) => t.replaceAll(`{${n}}`, v), k(key));
	const optional = k('optional');
	const steps: Record<Step, string> = {
		nationality: 'register_nationality_question',
		residence: 'register_residence_question',
		caribbean_ten_years: 'register_caribbean_ten_years_question',
		caribbean_public_service: 'register_caribbean_public_service_question',
		date_of_birth: 'register_dob_question',
		election_types: 'register_types_question',
		ep_declaration: 'register_ep_declaration_question',
		name: 'register_name_question',
		sex: 'register_sex_question',
		address: 'register_address_question',
		correspondence_choice: 'register_correspondence_choice_question',
		correspondence_address: 'register_correspondence_address_question',
		contact: 'register_contact_question',
		bsn: 'register_bsn_question',
		submission: 'register_submission_question'
	};
	const channels = [
		'den_haag_upload',
		'den_haag_post',
		'consular_post',
		'caribbean_representation',
		'minister'
	] as const;
	return {
		htmlLang: locale,
		prefix: `/${locale}`,
		siteName: k('site_name'),
		startTitle: k('register_start_title'),
		start: k('register_start_button'),
		continue: k('continue'),
		back: k('back'),
		change: k('change'),
		yes: k('answer_yes'),
		no: k('answer_no'),
		notGiven: k('answer_not_given'),
		languageNav: k('language_switch_label'),
		languageName: k('language_name'),
		transcriptTitle: k('transcript_title'),
		errorSummaryTitle: k('error_summary_title'),
		errorTitlePrefix: k('error_title_prefix'),
		errorPrefix: k('error_prefix'),
		questions: Object.fromEntries(
			Object.entries(steps).map(([step, key]) => [step, k(key)])
		) as Record<Step, string>,
		day: k('date_day'),
		month: k('date_month'),
		year: k('date_year'),
		firstNames: k('register_name_first_names'),
		surname: k('register_name_surname'),
		addressLine1: k('field_address_line1'),
		addressLine2: k('field_address_line2'),
		addressLine3: `${k('field_address_line3')} ${optional}`,
		country: k('field_country'),
		email: `${k('register_contact_email')} ${optional}`,
		phone: `${k('register_contact_phone')} ${optional}`,
		epDeclarationYes: k('register_ep_declaration_yes'),
		electionTypes: {
			TK: k('election_type_TK'),
			EP: k('election_type_EP'),
			KNI: k('election_type_KNI')
		},
		sex: { M: k('register_sex_M'), V: k('register_sex_V'), X: k('register_sex_X') },
		channels: Object.fromEntries(channels.map((ch) => [ch, k(`submission_${ch}`)])) as Record<
			Channel,
			string
		>,
		errors: {
			chooseOne: k('error_choose_one'),
			residenceRequired: k('register_residence_error_required'),
			dobRequired: k('register_dob_error_required'),
			dobIncomplete: k('register_dob_error_incomplete'),
			dobInvalid: k('register_dob_error_invalid'),
			dobFuture: k('register_dob_error_future'),
			typesRequired: k('register_types_error_required'),
			firstNamesRequired: k('register_name_first_names_error_required'),
			firstNamesTooLong: k('register_name_first_names_error_too_long'),
			firstNamesCharacters: k('register_name_first_names_error_characters'),
			surnameRequired: k('register_name_surname_error_required'),
			surnameCharacters: k('register_name_surname_error_characters'),
			addressRequired: k('register_address_error_required'),
			cityRequired: k('register_address_error_city'),
			emailInvalid: k('register_contact_email_error_invalid')
		},
		checkTitle: k('check_title'),
		checkAnswersHeading: k('check_answers_heading'),
		createForm: k('check_confirm'),
		verdictsTitle: k('verdicts_title'),
		verdictsRefused: (type) => fill('verdicts_refused', { type }),
		typeNotAvailable: (type) => fill('register_types_not_available', { type }),
		startsOn: (date) => fill('verdicts_starts_on', { date }),
		doneTitle: k('done_title'),
		referenceLabel: k('done_reference_label'),
		download: k('done_download'),
		notAbroadTitle: k('result_not_abroad_title'),
		livesInBes: k('reason_lives_in_bes'),
		notAbroadNext: k('result_not_abroad_next'),
		caribbeanConditionNotMet: k('reason_caribbean_condition_not_met'),
		epNoCaribbeanCondition: k('reason_ep_no_caribbean_condition'),
		intlLocale: locale
	};
}

export const TEXTS: Record<Locale, Texts> = {
	de: textsFromCatalogue('de'),
	fr: textsFromCatalogue('fr'),
	es: textsFromCatalogue('es'),
	pap: textsFromCatalogue('pap'),
	nl: {
		htmlLang: 'nl',
		prefix: '',
		siteName: 'Stemmen vanuit het buitenland',
		startTitle: 'Registreren als kiezer buiten Nederland',
		start: 'Beginnen',
		continue: 'Doorgaan',
		back: 'Terug',
		change: 'Wijzigen',
		yes: 'Ja',
		no: 'Nee',
		notGiven: 'Niet opgegeven',
		languageNav: 'Taal',
		languageName: 'Nederlands',
		transcriptTitle: 'Uw antwoorden tot nu toe',
		errorSummaryTitle: 'Er is een probleem',
		errorTitlePrefix: 'Fout:',
		errorPrefix: 'Fout:',
		questions: {
			nationality: 'Heeft u de Nederlandse nationaliteit?',
			residence: 'In welk land woont u?',
			caribbean_ten_years: 'Heeft u in totaal ten minste 10 jaar in Nederland gewoond?',
			caribbean_public_service:
				'Werkt u hier in Nederlandse openbare dienst, of hoort u bij het huishouden van iemand die dat doet?',
			date_of_birth: 'Wat is uw geboortedatum?',
			election_types: 'Voor welke verkiezingen wilt u zich registreren?',
			ep_declaration: 'Verklaart u dat u voor het Europees Parlement alleen in Nederland stemt?',
			name: 'Wat is uw naam?',
			sex: 'Wat is uw geslacht?',
			address: 'Wat is uw woonadres?',
			correspondence_choice: 'Wilt u uw stembescheiden op een ander adres ontvangen?',
			correspondence_address: 'Op welk adres wilt u uw stembescheiden ontvangen?',
			contact: 'Hoe kunnen wij u bereiken?',
			bsn: 'Wat is uw burgerservicenummer (BSN)? (optioneel)',
			submission: 'Hoe stuurt u het ondertekende formulier op?'
		},
		day: 'Dag',
		month: 'Maand',
		year: 'Jaar',
		firstNames: 'Voornamen',
		surname: 'Achternaam',
		addressLine1: 'Straat en huisnummer',
		addressLine2: 'Postcode en woonplaats',
		addressLine3: 'Regio, provincie of staat (optioneel)',
		country: 'Land',
		email: 'E-mailadres (optioneel)',
		phone: 'Telefoonnummer (optioneel)',
		epDeclarationYes: 'Ja, ik stem voor het Europees Parlement alleen in Nederland',
		electionTypes: {
			TK: 'Tweede Kamer',
			EP: 'Europees Parlement',
			KNI: 'Kiescollege niet-ingezetenen'
		},
		sex: { M: 'Man', V: 'Vrouw', X: 'X (niet gespecificeerd)' },
		channels: {
			den_haag_upload: 'Een scan of foto e-mailen naar de gemeente Den Haag',
			den_haag_post: 'Per post naar de gemeente Den Haag',
			consular_post: 'Afgeven of opsturen bij de Nederlandse ambassade of het consulaat',
			caribbean_representation: 'Afgeven of opsturen bij de vertegenwoordiging van Nederland',
			minister: 'Via de minister bij wie u in dienst bent'
		},
		errors: {
			chooseOne: 'Kies een van de antwoorden',
			residenceRequired: 'Kies het land waar u woont',
			dobRequired: 'Vul uw geboortedatum in',
			dobIncomplete: 'Vul de dag, de maand en het jaar in',
			dobInvalid: 'Vul een bestaande datum in, bijvoorbeeld 27 3 1990',
			dobFuture: 'Uw geboortedatum moet in het verleden liggen',
			typesRequired: 'Kies ten minste één verkiezing',
			firstNamesRequired: 'Vul uw voornamen in',
			firstNamesTooLong: 'Uw voornamen mogen maximaal 200 tekens bevatten',
			firstNamesCharacters:
				'Gebruik in uw voornamen alleen letters, spaties, koppeltekens, punten en apostroffen',
			surnameRequired: 'Vul uw achternaam in',
			surnameCharacters:
				'Gebruik in uw achternaam alleen letters, spaties, koppeltekens, punten en apostroffen',
			addressRequired: 'Vul uw straat en huisnummer in',
			cityRequired: 'Vul uw postcode en woonplaats in',
			emailInvalid: 'Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl'
		},
		checkTitle: 'Controleer uw antwoorden',
		checkAnswersHeading: 'Uw antwoorden',
		createForm: 'Formulier maken',
		verdictsTitle: 'Waarvoor u zich kunt registreren',
		verdictsRefused: (type) => `Niet mogelijk voor: ${type}`,
		typeNotAvailable: (type) => `Niet mogelijk: ${type}`,
		startsOn: (date) =>
			`U bent nu 17. Uw registratie gaat in op ${date}, de 44e dag voor uw 18e verjaardag.`,
		doneTitle: 'Uw formulier is klaar',
		referenceLabel: 'Uw referentienummer',
		download: 'Formulier downloaden (PDF)',
		notAbroadTitle: 'U woont niet in het buitenland',
		livesInBes:
			'Bonaire, Sint Eustatius en Saba horen bij Nederland. Wie daar woont, stemt daar en is geen kiezer buiten Nederland.',
		notAbroadNext:
			'U stemt in uw gemeente. Bent u op de verkiezingsdag in het buitenland? Dan kunt u per verkiezing vragen om per brief te stemmen (Tweede Kamer en Europees Parlement), uiterlijk op de 28e dag voor de verkiezing.',
		caribbeanConditionNotMet:
			'Inwoners van Aruba, Curaçao en Sint Maarten hebben alleen kiesrecht voor deze verkiezing als zij ten minste 10 jaar in Nederland hebben gewoond, of in Nederlandse openbare dienst werken (of bij het huishouden van zo iemand horen).',
		epNoCaribbeanCondition:
			'Voor het Europees Parlement geldt de voorwaarde van 10 jaar in Nederland niet.',
		intlLocale: 'nl'
	},
	en: {
		htmlLang: 'en',
		prefix: '/en',
		siteName: 'Voting from abroad',
		startTitle: 'Register as a voter abroad',
		start: 'Start now',
		continue: 'Continue',
		back: 'Back',
		change: 'Change',
		yes: 'Yes',
		no: 'No',
		notGiven: 'Not given',
		languageNav: 'Language',
		languageName: 'English',
		transcriptTitle: 'Your answers so far',
		errorSummaryTitle: 'There is a problem',
		errorTitlePrefix: 'Error:',
		errorPrefix: 'Error:',
		questions: {
			nationality: 'Do you have Dutch nationality?',
			residence: 'Which country do you live in?',
			caribbean_ten_years: 'Have you lived in the Netherlands for at least 10 years in total?',
			caribbean_public_service:
				'Do you work here in Dutch public service, or are you part of the household of someone who does?',
			date_of_birth: 'What is your date of birth?',
			election_types: 'Which elections do you want to register for?',
			ep_declaration:
				'Do you declare that you will vote for the European Parliament only in the Netherlands?',
			name: 'What is your name?',
			sex: 'What is your sex?',
			address: 'What is your home address?',
			correspondence_choice: 'Do you want your voting papers sent to another address?',
			correspondence_address: 'Which address should your voting papers be sent to?',
			contact: 'How can we contact you?',
			bsn: 'What is your citizen service number (BSN)? (optional)',
			submission: 'How will you send the signed form?'
		},
		day: 'Day',
		month: 'Month',
		year: 'Year',
		firstNames: 'First names',
		surname: 'Surname',
		addressLine1: 'Street and house number',
		addressLine2: 'Postal code and town or city',
		addressLine3: 'Region, province or state (optional)',
		country: 'Country',
		email: 'Email address (optional)',
		phone: 'Phone number (optional)',
		epDeclarationYes: 'Yes, I will vote for the European Parliament only in the Netherlands',
		electionTypes: {
			TK: 'House of Representatives (Tweede Kamer)',
			EP: 'European Parliament',
			KNI: 'Electoral college for non-residents (kiescollege niet-ingezetenen)'
		},
		sex: { M: 'Male', V: 'Female', X: 'X (unspecified)' },
		channels: {
			den_haag_upload: 'Email a scan or photo to the municipality of The Hague',
			den_haag_post: 'By post to the municipality of The Hague',
			consular_post: 'Hand in or post at the Dutch embassy or consulate',
			caribbean_representation: 'Hand in or post at the Dutch representation',
			minister: 'Through the minister you work under'
		},
		errors: {
			chooseOne: 'Choose one of the answers',
			residenceRequired: 'Choose the country where you live',
			dobRequired: 'Enter your date of birth',
			dobIncomplete: 'Enter the day, the month and the year',
			dobInvalid: 'Enter a real date, for example 27 3 1990',
			dobFuture: 'Your date of birth must be in the past',
			typesRequired: 'Choose at least one election',
			firstNamesRequired: 'Enter your first names',
			firstNamesTooLong: 'Your first names must be 200 characters or fewer',
			firstNamesCharacters:
				'Use only letters, spaces, hyphens, full stops and apostrophes in your first names',
			surnameRequired: 'Enter your surname',
			surnameCharacters:
				'Use only letters, spaces, hyphens, full stops and apostrophes in your surname',
			addressRequired: 'Enter your street and house number',
			cityRequired: 'Enter your postal code and town or city',
			emailInvalid: 'Enter a valid email address, like name@example.com'
		},
		checkTitle: 'Check your answers',
		checkAnswersHeading: 'Your answers',
		createForm: 'Create my form',
		verdictsTitle: 'What you can register for',
		verdictsRefused: (type) => `Not possible for: ${type}`,
		typeNotAvailable: (type) => `Not possible: ${type}`,
		startsOn: (date) =>
			`You are 17 now. Your registration takes effect on ${date}, the 44th day before your 18th birthday.`,
		doneTitle: 'Your form is ready',
		referenceLabel: 'Your reference number',
		download: 'Download the form (PDF)',
		notAbroadTitle: 'You do not live abroad',
		livesInBes:
			'Bonaire, Sint Eustatius and Saba are part of the Netherlands. People who live there vote there and are not voters abroad.',
		notAbroadNext:
			'You vote in your municipality. Will you be abroad on election day? Then you can ask, per election, to vote by post (House of Representatives and European Parliament), by the 28th day before the election.',
		caribbeanConditionNotMet:
			'Residents of Aruba, Curaçao and Sint Maarten may vote in this election only if they lived in the Netherlands for at least 10 years, or work in Dutch public service there (or belong to the household of someone who does).',
		epNoCaribbeanCondition:
			'The condition of 10 years in the Netherlands does not apply to the European Parliament.',
		intlLocale: 'en-GB'
	}
};

/** The languages whose texts are written out; the others come from their catalogues. */
export const LOCALES: Locale[] = ['nl', 'en'];
export const ALL_LOCALES: Locale[] = ['nl', 'en', 'de', 'fr', 'es', 'pap'];

// No CLDR data for Papiamentu: the app shows Dutch country names and catalogue month names.
const cldr = (locale: Locale) =>
	Intl.DateTimeFormat.supportedLocalesOf([locale]).length > 0 ? locale : 'nl';

/** Country names as the select lists them in each language (CLDR, as the app uses them). */
export function countryName(code: string, locale: Locale): string {
	return new Intl.DisplayNames([cldr(locale)], { type: 'region' }).of(code) ?? code;
}

/** '2027-02-03' → '3 februari 2027' / '3 February 2027', as the pages and the form print it. */
export function longDate(iso: string, locale: Locale): string {
	const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
	if (cldr(locale) !== locale) {
		const c = JSON.parse(readFileSync(`messages/${locale}.json`, 'utf8')) as Record<string, string>;
		return (c.date_long ?? '')
			.replace('{day}', String(d))
			.replace('{month}', c[`date_month_${m}`] ?? '')
			.replace('{year}', String(y));
	}
	return new Intl.DateTimeFormat(TEXTS[locale].intlLocale, {
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone: 'UTC'
	}).format(new Date(Date.UTC(y, m - 1, d)));
}
