import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { qrPng, qrSvg } from './images';

const URLS = [
	'https://kiezer-buitenland.denhaag.nl/go/K7QM2XDA',
	// A query string (an ampersand to escape in the SVG) and a language path.
	'https://kiezer-buitenland.denhaag.nl/en/go/ZH2030?utm_source=poster&utm_medium=print',
	// Long enough for a larger symbol version than the short link.
	`https://kiezer-buitenland.denhaag.nl/go/${'A'.repeat(120)}`
];

const modulesOf = (url: string) => QRCode.create(url, { errorCorrectionLevel: 'M' }).modules;

/** jsQR over RGBA pixels; null when it finds no code. */
const decode = (rgba: Uint8Array | Uint8ClampedArray, width: number, height: number) =>
	jsQR(new Uint8ClampedArray(rgba), width, height)?.data ?? null;

describe('qrPng', () => {
	for (const url of URLS) {
		it(`decodes back to the exact URL (${url.length} characters)`, async () => {
			const bytes = await qrPng(url);
			const png = PNG.sync.read(Buffer.from(bytes));
			expect(png.width).toBe(png.height);
			expect(png.width).toBeGreaterThanOrEqual(600);
			expect(decode(png.data, png.width, png.height)).toBe(url);
		});
	}

	it('has a whole number of pixels per module and a white quiet zone of 4 modules', async () => {
		const url = URLS[0]!;
		const png = PNG.sync.read(Buffer.from(await qrPng(url)));
		const { size } = modulesOf(url);
		const scale = png.width / (size + 8);
		expect(Number.isInteger(scale)).toBe(true);
		const dark = (x: number, y: number) => png.data[(y * png.width + x) * 4]! < 128;
		const quiet = 4 * scale;
		const darkInQuietZone: string[] = [];
		for (let y = 0; y < png.height; y++) {
			for (let x = 0; x < png.width; x++) {
				const inSymbol =
					x >= quiet && y >= quiet && x < png.width - quiet && y < png.height - quiet;
				if (!inSymbol && dark(x, y)) darkInQuietZone.push(`${x},${y}`);
			}
		}
		expect(darkInQuietZone).toEqual([]);
		// The finder pattern's corner module sits right inside the quiet zone.
		expect(dark(quiet, quiet)).toBe(true);
		expect(dark(quiet - 1, quiet)).toBe(false);
	});
});

/**
 * The dark modules the SVG's stroked path draws, read back from its `d` attribute: qrcode writes
 * each run of dark modules as a 1-unit-wide horizontal line at y + 0.5, with absolute "M x y"
 * moves at a new row and relative "m dx 0" moves within one.
 */
function svgModules(svg: string): { size: number; dark: boolean[][] } {
	const viewBox = /viewBox="0 0 (\d+) (\d+)"/.exec(svg);
	const path = /<path stroke="#000000" d="([^"]*)"\/>/.exec(svg);
	if (!viewBox || !path) throw new Error('not a qrcode SVG');
	const size = Number(viewBox[1]);
	const dark = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
	let x = 0;
	let y = 0;
	for (const [, cmd, a, b] of path[1]!.matchAll(/([Mmh])(-?[\d.]+)(?: (-?[\d.]+))?/g)) {
		if (cmd === 'M') [x, y] = [Number(a), Number(b)];
		else if (cmd === 'm') [x, y] = [x + Number(a), y + Number(b)];
		else {
			const row = Math.floor(y);
			for (let c = x; c < x + Number(a); c++) dark[row]![c] = true;
			x += Number(a);
		}
	}
	return { size, dark };
}

/** The modules as RGBA pixels, `scale` pixels each, for jsQR. */
function rasterise({ size, dark }: { size: number; dark: boolean[][] }, scale = 8) {
	const width = size * scale;
	const rgba = new Uint8ClampedArray(width * width * 4).fill(255);
	for (let y = 0; y < width; y++) {
		for (let x = 0; x < width; x++) {
			if (!dark[Math.floor(y / scale)]![Math.floor(x / scale)]) continue;
			rgba.fill(0, (y * width + x) * 4, (y * width + x) * 4 + 3);
		}
	}
	return { rgba, width };
}

const unescapeXml = (text: string) =>
	text
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&amp;/g, '&');

describe('qrSvg', () => {
	for (const url of URLS) {
		it(`is one SVG element with a title, whose path decodes to the exact URL (${url.length} characters)`, async () => {
			const svg = await qrSvg(url);
			// The whole document: one <svg> root, its title first, the light background and the
			// dark path, nothing else.
			const shape =
				/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 (\d+) \1" shape-rendering="crispEdges" role="img"><title>([^<>]*)<\/title><path fill="#ffffff" d="M0 0h\1v\1H0z"\/><path stroke="#000000" d="[Mmh\d. ]+"\/><\/svg>\n?$/;
			const match = shape.exec(svg);
			expect(match, svg.slice(0, 200)).not.toBeNull();
			// Every ampersand in the title starts an entity, so the XML is well formed.
			const title = match![2]!;
			expect(title).not.toMatch(/&(?!(amp|lt|gt|quot);)/);
			expect(unescapeXml(title)).toBe(url);

			const drawn = svgModules(svg);
			const { size, data } = modulesOf(url);
			expect(drawn.size).toBe(size + 8);
			// The symbol sits inside a quiet zone of 4 modules and matches qrcode's matrix exactly.
			for (let r = 0; r < drawn.size; r++) {
				for (let c = 0; c < drawn.size; c++) {
					const inSymbol = r >= 4 && c >= 4 && r < size + 4 && c < size + 4;
					const expected = inSymbol ? data[(r - 4) * size + (c - 4)] === 1 : false;
					expect(drawn.dark[r]![c], `${r},${c}`).toBe(expected);
				}
			}
			const { rgba, width } = rasterise(drawn);
			expect(decode(rgba, width, width)).toBe(url);
		});
	}

	it('takes another accessible name, escaped', async () => {
		const svg = await qrSvg(URLS[0]!, 'QR code: "Stem vanuit Zürich" <Vereniging & Co>');
		expect(svg).toContain(
			'<title>QR code: &quot;Stem vanuit Zürich&quot; &lt;Vereniging &amp; Co&gt;</title>'
		);
	});
});
