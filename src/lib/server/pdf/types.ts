export type PdfAddress = {
	lines: string[];
	/** Display name, already localised. */
	country: string;
};

export type ElectionType = 'TK' | 'EP' | 'KNI';

export type RegistrationPdfInput = {
	/** E.g. 'KB7M-Q2XD-4TNA': printed, and the only content of the QR codes. */
	reference: string;
	/** The voter's language: the cover sheet, and the labels printed alongside the Dutch ones. */
	locale: 'nl' | 'en' | string;
	/** IsoDate 'YYYY-MM-DD'. */
	generatedOn: string;
	voter: {
		surname: string;
		firstNames: string;
		/** IsoDate. */
		dateOfBirth: string;
		sex: 'M' | 'V' | 'X';
		residentialAddress: PdfAddress;
		correspondenceAddress: PdfAddress | null;
		email: string;
		phone: string | null;
		bsn: string | null;
	};
	electionTypes: ElectionType[];
	/** KW Y 6: residents of another EU member state declare they will not also vote there. */
	epDeclaration: {
		/** The member state's Dutch name, for the Dutch declaration on the form. */
		memberState: string;
		/** Its name in the voter's language, for the translation printed beside it. */
		memberStateLocal: string;
	} | null;
	/** KB D 4(c): Aruba/Curaçao/Sint Maarten, declaration of Dutch public service (filled in by hand). */
	publicServiceDeclaration: boolean;
	/** KW D 3(1): for a 17-year-old, the IsoDate the registration takes effect. */
	startsOn: string | null;
	destination: {
		channel: string;
		name: string;
		lines: string[];
		email?: string | null;
		uploadUrl?: string | null;
	};
	deadlines: {
		electionName: string;
		cutoffDay: string;
		uploadBy: string;
		postBy: string;
		provisional: boolean;
	} | null;
};
