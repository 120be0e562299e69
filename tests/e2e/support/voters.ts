/** The voters of the scenarios. */
import { seventeenYearOld } from './dates';
import type { Voter } from './journey';

/** An adult in Germany, for the House of Representatives and the European Parliament. */
export const adultInGermany: Voter = {
	dutch: true,
	country: 'DE',
	dateOfBirth: '1988-05-14',
	types: ['TK', 'EP'],
	epDeclaration: true,
	firstNames: 'Zoë',
	surname: 'IJsselmeer-Çelik',
	sex: 'V',
	address: { line1: 'Kastanienallee 12', line2: '10435 Berlin', line3: 'Berlin' },
	email: 'zoe@example.org',
	phone: '+49 30 1234567',
	bsn: '111222333',
	channel: 'den_haag_upload'
};

/** 17 today (the date of birth moves with the calendar), in Canada, post to a Dutch PO box. */
export function seventeenInCanada(): Voter {
	return {
		dutch: true,
		country: 'CA',
		dateOfBirth: seventeenYearOld().dob,
		types: ['TK'],
		firstNames: 'Thị Minh Khai',
		surname: 'Nguyễn',
		sex: 'X',
		address: {
			line1: '1250 Rue Sainte-Catherine O',
			line2: 'Montréal QC H3G 1P1',
			line3: 'Québec'
		},
		correspondence: { line1: 'Postbus 123', line2: '2500 AA Den Haag', country: 'NL' },
		email: 'minh.khai@example.ca',
		channel: 'consular_post'
	};
}

/** In Aruba after 8 years in the Netherlands, not in public service: no TK, but EP. */
export const arubaEightYears: Voter = {
	dutch: true,
	country: 'AW',
	caribbeanTenYears: false,
	caribbeanPublicService: false,
	dateOfBirth: '1979-11-02',
	types: ['EP'],
	firstNames: 'Maria Isabel',
	surname: 'Croes',
	sex: 'V',
	address: { line1: 'Wilhelminastraat 45', line2: 'Oranjestad' },
	email: 'maria.croes@example.aw',
	phone: '+297 582 1234',
	channel: 'caribbean_representation'
};

/** Lives on Bonaire: in the Netherlands (Caribbean Netherlands), so not a voter abroad. */
export const bonaireResident = {
	dutch: true,
	country: 'BQ'
} as const;
