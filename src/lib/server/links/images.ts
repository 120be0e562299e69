/**
 * The QR code of an association's guided link, as images to download: an SVG for screens and
 * design tools, a PNG for print. The poster PDF draws its own (vector) code with pdf/qr.ts; all
 * three use the same settings, so a link has one code whatever the medium.
 */
import QRCode from 'qrcode';

// M recovers about 15% of a damaged symbol: enough for a poster behind glass or a folded flyer,
// and the code stays small for a URL of some 50 characters (the same level pdf/qr.ts draws).
const ERROR_CORRECTION = 'M';
// ISO/IEC 18004 asks for a light quiet zone of 4 modules around the symbol; without it phone
// cameras miss codes printed close to other ink.
const QUIET_ZONE = 4;
// 600 px is 5 cm at 300 dpi, the smallest a code on a printed flyer should be scanned from.
const MIN_PNG_WIDTH = 600;

const escapeXml = (text: string) =>
	text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The QR code of `url` as an SVG document. Its accessible name (`<title>`, with role="img") is
 * `title`, by default the URL itself: what the code holds is the only text equivalent it has.
 */
export async function qrSvg(url: string, title: string = url): Promise<string> {
	const svg = await QRCode.toString(url, {
		type: 'svg',
		errorCorrectionLevel: ERROR_CORRECTION,
		margin: QUIET_ZONE
	});
	// qrcode writes no title. A <title> child of <svg> is its accessible name (SVG-AAM), and
	// role="img" has screen readers announce one image instead of two unnamed paths. No id or
	// aria-labelledby: ids would clash where a page inlines several codes.
	const named = svg.replace(
		/^<svg ([^>]*)>/,
		(_, attributes: string) => `<svg ${attributes} role="img"><title>${escapeXml(title)}</title>`
	);
	if (named === svg) throw new Error('qrcode wrote an SVG without the expected <svg> tag');
	return named;
}

/**
 * The QR code of `url` as a PNG at least 600 px wide. The scale is a whole number of pixels per
 * module: with a fractional one some modules would be a pixel wider than others, which a
 * printer's resampling then smears.
 */
export async function qrPng(url: string): Promise<Uint8Array> {
	const modules = QRCode.create(url, { errorCorrectionLevel: ERROR_CORRECTION }).modules.size;
	const scale = Math.ceil(MIN_PNG_WIDTH / (modules + 2 * QUIET_ZONE));
	const png = await QRCode.toBuffer(url, {
		type: 'png',
		errorCorrectionLevel: ERROR_CORRECTION,
		margin: QUIET_ZONE,
		scale
	});
	return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}
