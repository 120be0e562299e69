/**
 * The printable poster of an association's guided link: one A4 page in the link's language with
 * what the journey is for, who shares it, the next cut-off that matters for that journey (with its
 * article), and a large QR code of the link with the link printed under it. Public data only: the
 * association's name and the election calendar, nothing about any voter.
 */
import { PDFDocument, type PDFPage } from 'pdf-lib';
import { LAW, compareIsoDates, type ElectionType, type IsoDate } from '$lib/domain';
import { formatDate as formatLongDate } from '$lib/i18n';
import type { JourneyId } from '$lib/journeys/catalogue';
import * as m from '$lib/paraglide/messages.js';
import * as calendar from '$lib/server/calendar';
import { PDF_CREATOR } from '$lib/server/pdf';
import { spacer } from '$lib/server/pdf/cover';
import { loadFonts, sharedFontkit } from '$lib/server/pdf/fonts';
import {
	block,
	box,
	COLOR,
	CONTENT_WIDTH,
	drawBlocks,
	heightOf,
	lineHeightOf,
	MARGIN,
	PAGE_HEIGHT,
	PAGE_SIZE,
	PAGE_WIDTH,
	rule,
	type Block,
	type Fonts,
	type TextStyle
} from '$lib/server/pdf/layout';
import { resolveLocale, type Locale } from '$lib/server/pdf/locale';
import { drawQr, qrRuns, QR_QUIET_MODULES } from '$lib/server/pdf/qr';
import { clean, formatDate, textWidth } from '$lib/server/pdf/text';

export type PosterInput = {
	/** The association's name as it registered it, printed as given. */
	association: string;
	journey: JourneyId;
	/** The link's language: every word on the poster, and its dates. */
	locale: string;
	/** The guided link (`…/go/CODE`): the QR code's only content, and printed under it. */
	url: string;
	/** The election the link is about, if the association chose one. */
	electionSlug: string | null;
	/** The link's campaign label, if the association gave one: printed small at the foot. */
	campaign: string | null;
	now: Date;
};

type Options = { locale: Locale };

const TITLE: Record<JourneyId, (inputs: object, options: Options) => string> = {
	registration: m.links_poster_title_registration,
	change: m.links_poster_title_change,
	vote_choice: m.links_poster_title_vote_choice,
	temporarily_abroad: m.links_poster_title_temporarily_abroad,
	replacement: m.links_poster_title_replacement,
	status: m.links_poster_title_status
};

/** What the cut-off means for the reader, per journey. */
const CUTOFF_TEXT: Record<JourneyId, (inputs: object, options: Options) => string> = {
	registration: m.links_poster_cutoff_registration,
	change: m.links_poster_cutoff_change,
	vote_choice: m.links_poster_cutoff_vote_choice,
	temporarily_abroad: m.links_poster_cutoff_temporarily_abroad,
	replacement: m.links_poster_cutoff_replacement,
	status: m.links_poster_cutoff_status
};

const TYPE_NAME: Record<ElectionType, (inputs: object, options: Options) => string> = {
	TK: m.election_type_TK,
	EP: m.election_type_EP,
	KNI: m.election_type_KNI
};

/**
 * The cut-off each journey's request must meet, by the public calendar's ids (each carries its
 * article). Every one is "received by Den Haag by the end of that day".
 */
const CUTOFFS: Record<JourneyId, [calendar.CutoffId, ...calendar.CutoffId[]]> = {
	// KW D 3(2): an application counts if received by the 42nd day before election day.
	registration: ['registration'],
	// KW D 3(3): a change counts if received by the 63rd day (nine weeks) before.
	change: ['change'],
	// KW K 7(2), L 9(2): six weeks before, for a voter pass and a proxy alike; the calendar moves
	// the day before the certificates go out where that is earlier (K 8(2), L 10(b), M 6(3)).
	// Not for the KNI (Pa 21): its elections have no such cut-off and are passed over.
	vote_choice: ['voterPass', 'proxy'],
	// KW M 3(3): a resident temporarily abroad asks by the 28th day before; TK and EP only.
	temporarily_abroad: ['temporaryAbroadPostal'],
	// KW M 6b(3): a written request for a replacement certificate by the 12th day before.
	replacement: ['replacementWritten'],
	// KW D 5: anyone may ask at any time; what a voter who finds they are not registered must
	// meet is the registration cut-off (D 3(2)).
	status: ['registration']
};

export type PosterCutoff = {
	election: { slug: string; type: ElectionType; electionDay: IsoDate; provisional: boolean };
	/** The calendar day in Den Haag (Europe/Amsterdam) by whose end it must be received. */
	day: IsoDate;
	/** The articles it rests on ('KW D 3(2)'). */
	basis: string[];
	/** For a proxy or voter pass: the day the certificates go out, where that made it earlier. */
	certificatesSentOn: IsoDate | null;
};

/**
 * The next cut-off that matters for a journey at `now`: the earliest election (by day) whose
 * cut-off for it is still open, the chosen election first if it has one. A cut-off already passed
 * sends the reader to the next election: a registration or change received late counts for that
 * one (KW D 3(2), D 3(3)), and the per-election requests are made anew for it. Null when no
 * upcoming election with a known day has such a cut-off still open.
 */
export async function nextCutoff(
	journey: JourneyId,
	electionSlug: string | null,
	now: Date
): Promise<PosterCutoff | null> {
	const ids = CUTOFFS[journey];
	const dated = (await calendar.upcoming(now))
		.filter((e): e is calendar.ApiElection & { electionDay: IsoDate } => e.electionDay !== null)
		.sort((a, b) => compareIsoDates(a.electionDay, b.electionDay));
	const ordered = [
		...dated.filter((e) => e.id === electionSlug),
		...dated.filter((e) => e.id !== electionSlug)
	];
	for (const election of ordered) {
		const cutoffs = ids.flatMap((id) => election.cutoffs.filter((c) => c.id === id));
		const [first] = cutoffs;
		// The cut-offs used here all close at the end of a day in Den Haag, so closesAt is set;
		// the instant itself still counts (as in the domain's countdown).
		if (!first?.closesAt || now.getTime() > Date.parse(first.closesAt)) continue;
		const basis = cutoffs.map((c) => c.basis.article);
		let certificatesSentOn: IsoDate | null = null;
		if (journey === 'vote_choice' && election.certificatesSentOn) {
			// The six weeks of K 7(2) / L 9(2) alone, with no certificate day known.
			const sixWeeks = calendar
				.cutoffsFor({ electionDay: election.electionDay, type: election.type })
				.cutoffs.find((c) => c.id === 'proxy')?.date;
			if (sixWeeks && compareIsoDates(first.date, sixWeeks) < 0) {
				certificatesSentOn = election.certificatesSentOn;
				basis.push(
					LAW.VOTER_PASS_REFUSAL.code,
					LAW.PROXY_REFUSAL_CERTIFICATE_ISSUED.code,
					LAW.CERTIFICATES_SENT.code
				);
			}
		}
		return {
			election: {
				slug: election.id,
				type: election.type,
				electionDay: election.electionDay,
				provisional: election.provisional
			},
			day: first.date,
			basis,
			certificatesSentOn
		};
	}
	return null;
}

/** Lines centred on the page from `top` downwards; returns the y below the last line. */
function drawCentred(page: PDFPage, blocks: Block[], top: number): number {
	let y = top;
	for (const { lines, style } of blocks) {
		for (const line of lines) {
			if (line) {
				page.drawText(line, {
					x: (PAGE_WIDTH - textWidth(style.font, line, style.size)) / 2,
					y: y - style.size,
					font: style.font,
					size: style.size,
					color: style.color ?? COLOR.text
				});
			}
			y -= lineHeightOf(style);
		}
	}
	return y;
}

// The code's width in points, without its quiet zone. At 250 pt (8.8 cm) a link of some 50
// characters (33 modules, version 4) has modules of 2.7 mm: a phone reads it from a step back, as
// people stand before a noticeboard. Below 4 cm a code on a wall is hard to scan, so content that
// would squeeze it further is refused rather than printed.
const QR_MAX = 250;
const QR_MIN = 113;

const BOX_PAD = 16;
const BOX_STRIPE = 5;

function posterStyles(fonts: Fonts) {
	const muted = (size: number): TextStyle => ({
		font: fonts.regular,
		size,
		color: COLOR.muted,
		lineHeight: size * 1.35
	});
	return {
		muted,
		site: { ...muted(11), font: fonts.bold },
		title: { font: fonts.bold, size: 30, color: COLOR.accent, lineHeight: 36 },
		sharedBy: { font: fonts.regular, size: 16, lineHeight: 21 },
		label: { ...muted(11), font: fonts.bold, lineHeight: 15 },
		date: { font: fonts.bold, size: 24, lineHeight: 31 },
		body: { font: fonts.regular, size: 12, lineHeight: 16 },
		strong: { font: fonts.bold, size: 12, lineHeight: 16 },
		note: { font: fonts.regular, size: 10.5, lineHeight: 14 },
		basis: muted(9)
	} satisfies Record<string, TextStyle | ((size: number) => TextStyle)>;
}

/** The deadline panel: the next cut-off, what it means and its articles, or that none is set. */
function deadlineBlocks(
	fonts: Fonts,
	journey: JourneyId,
	cutoff: PosterCutoff | null,
	locale: Locale
): Block[] {
	const o = { locale };
	const s = posterStyles(fonts);
	const width = CONTENT_WIDTH - BOX_STRIPE - 2 * BOX_PAD;
	const blocks = [block(m.links_poster_cutoff_title({}, o), s.label, width)];
	if (!cutoff) {
		blocks.push(spacer(s.body, 4), block(m.links_poster_cutoff_none({}, o), s.body, width));
		return blocks;
	}
	const { election } = cutoff;
	const electionName = m.links_poster_election(
		{ type: TYPE_NAME[election.type]({}, o), date: formatDate(election.electionDay, locale) },
		o
	);
	blocks.push(
		// The weekday too: a poster is read in passing, and "Wednesday" is what people remember.
		block(formatLongDate(cutoff.day, locale, true), s.date, width),
		block(electionName, s.strong, width),
		spacer(s.body, 4),
		block(CUTOFF_TEXT[journey]({}, o), s.body, width)
	);
	if (cutoff.certificatesSentOn) {
		const date = formatDate(cutoff.certificatesSentOn, locale);
		blocks.push(
			spacer(s.note, 4),
			block(m.links_poster_cutoff_certificates({ date }, o), s.note, width)
		);
	}
	if (election.provisional) {
		blocks.push(spacer(s.note, 4), block(m.links_poster_provisional({}, o), s.note, width));
	}
	const articles = [...new Set(cutoff.basis)].join(', ');
	blocks.push(spacer(s.note, 6), block(m.links_poster_basis({ articles }, o), s.basis, width));
	return blocks;
}

/**
 * The poster as a PDF: one A4 page, fonts subset (the DejaVu glyphs used, so names in any Latin
 * script print), with its title in the document's metadata.
 */
export async function posterPdf(input: PosterInput): Promise<Uint8Array> {
	const locale = resolveLocale(input.locale);
	const o = { locale };
	const cutoff = await nextCutoff(input.journey, input.electionSlug, input.now);
	const files = await loadFonts();

	const doc = await PDFDocument.create();
	doc.registerFontkit(sharedFontkit);
	// Subset: only the glyphs used are embedded (tens of kB instead of 1.4 MB); pdf-lib still
	// writes a ToUnicode map, so the text can be searched and read back.
	const fonts: Fonts = {
		regular: await doc.embedFont(files.regular, { subset: true }),
		bold: await doc.embedFont(files.bold, { subset: true })
	};
	const page = doc.addPage(PAGE_SIZE);
	const s = posterStyles(fonts);

	// From the top: the accent bar, the portal's name, what the journey is for, who shares it.
	const title = TITLE[input.journey]({}, o);
	box(page, MARGIN, PAGE_HEIGHT - MARGIN + 14, CONTENT_WIDTH, 3, { fill: COLOR.accent });
	const sharedBy = m.links_poster_shared_by({ association: input.association }, o);
	let y = drawBlocks(
		page,
		[
			block(m.site_name({}, o), s.site, CONTENT_WIDTH),
			spacer(s.site, 10),
			block(title, s.title, CONTENT_WIDTH),
			spacer(s.site, 8),
			block(sharedBy, s.sharedBy, CONTENT_WIDTH)
		],
		MARGIN,
		PAGE_HEIGHT - MARGIN
	);

	// The deadline panel: a tinted box with an accent stripe, as the cover sheets mark deadlines.
	y -= 20;
	const panel = deadlineBlocks(fonts, input.journey, cutoff, locale);
	const panelHeight = heightOf(panel) + 2 * BOX_PAD;
	box(page, MARGIN, y, CONTENT_WIDTH, panelHeight, { fill: COLOR.tint });
	box(page, MARGIN, y, BOX_STRIPE, panelHeight, { fill: COLOR.accent });
	drawBlocks(page, panel, MARGIN + BOX_STRIPE + BOX_PAD, y - BOX_PAD);
	y -= panelHeight + 20;

	// From the bottom: who runs the portal and that the signed form is the legal act (KW D 3(4),
	// MvT §3.2), and the campaign's label, if any.
	const foot = [block(m.links_poster_legal({}, o), s.muted(9), CONTENT_WIDTH)];
	if (input.campaign) {
		foot.push(
			block(m.links_poster_campaign({ campaign: input.campaign }, o), s.muted(8), CONTENT_WIDTH)
		);
	}
	const footTop = MARGIN - 12 + heightOf(foot);
	rule(page, footTop + 8);
	drawBlocks(page, foot, MARGIN, footTop);

	// Between them, as large as fits: the code, the link in full, and how to use it.
	// The link on one line where it can be (a broken URL is easily mistyped): smaller for a long
	// one, down to 9 pt; only a longer one still wraps.
	const linkSize = Math.max(
		9,
		Math.min(14, (14 * CONTENT_WIDTH) / textWidth(fonts.bold, clean(input.url), 14))
	);
	const link = block(
		input.url,
		{ font: fonts.bold, size: linkSize, lineHeight: linkSize * 1.35 },
		CONTENT_WIDTH
	);
	const scan = block(m.links_poster_scan({}, o), s.muted(11), CONTENT_WIDTH);
	const textHeight = 8 + heightOf([link]) + 4 + heightOf([scan]);
	const { size: modules } = qrRuns(input.url);
	// drawQr paints the quiet zone outside the modules' square: room for it on both sides.
	const room = y - (footTop + 8 + 12) - textHeight;
	const qrWidth = Math.min(QR_MAX, (room * modules) / (modules + 2 * QR_QUIET_MODULES));
	if (qrWidth < QR_MIN) {
		throw new RangeError('The poster has no room for a QR code large enough to scan');
	}
	const quiet = (QR_QUIET_MODULES * qrWidth) / modules;
	// Centred in the space left, so a short page of text does not leave a gap under the code.
	const used = qrWidth + 2 * quiet + textHeight;
	const top = y - (room + textHeight - used) / 2;
	drawQr(page, input.url, (PAGE_WIDTH - qrWidth) / 2, top - quiet, qrWidth);
	drawCentred(page, [link, spacer(s.site, 4), scan], top - qrWidth - 2 * quiet - 8);

	// Metadata is readable by anyone the file reaches: the journey's title and the portal's name,
	// as on the page.
	doc.setTitle(`${title} – ${m.site_name({}, o)}`, { showInWindowTitleBar: true });
	doc.setLanguage(locale);
	doc.setCreator(PDF_CREATOR);
	// Dated by the `now` the cut-off was chosen for, not pdf-lib's wall clock, so the file says
	// when its dates were true.
	doc.setCreationDate(input.now);
	doc.setModificationDate(input.now);
	return doc.save();
}
