/**
 * Calendar days for test voters, relative to today in Den Haag (the app decides on Den Haag's
 * day, so a run just after midnight UTC must not be a day off).
 */
export type IsoDate = string;

export function todayInDenHaag(now = new Date()): IsoDate {
	return new Intl.DateTimeFormat('en-CA', {
		timeZone: 'Europe/Amsterdam',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit'
	}).format(now);
}

const parse = (d: IsoDate) => d.split('-').map(Number) as [number, number, number];
const format = (date: Date) => date.toISOString().slice(0, 10);

export function addDays(d: IsoDate, n: number): IsoDate {
	const [y, m, day] = parse(d);
	return format(new Date(Date.UTC(y, m - 1, day + n)));
}

/** The same day n years later; callers avoid 29 February (see `seventeenYearOld`). */
export function addYears(d: IsoDate, n: number): IsoDate {
	const [y, m, day] = parse(d);
	return format(new Date(Date.UTC(y + n, m - 1, day)));
}

export type DateParts = { day: string; month: string; year: string };

/** '1990-03-07' → { day: '7', month: '3', year: '1990' }, as a voter types it. */
export function parts(d: IsoDate): DateParts {
	const [y, m, day] = parse(d);
	return { day: String(day), month: String(m), year: String(y) };
}

/**
 * A voter who is 17 today (17 years and about 100 days), and the day their registration takes
 * effect: the 44th day before the 18th birthday (KW D 3(1)). A birthday on 29 February is
 * avoided so that the expected dates need no leap-year rule.
 */
export function seventeenYearOld(today = todayInDenHaag()): { dob: IsoDate; startsOn: IsoDate } {
	let days = 100;
	let dob = addDays(addYears(today, -17), -days);
	while (dob.endsWith('-02-29')) dob = addDays(addYears(today, -17), -++days);
	return { dob, startsOn: addDays(addYears(dob, 18), -44) };
}

/** Calendar days from a to b (b − a). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
	const [ya, ma, da] = parse(a);
	const [yb, mb, db] = parse(b);
	return Math.round((Date.UTC(yb, mb - 1, db) - Date.UTC(ya, ma - 1, da)) / 86_400_000);
}
