/**
 * The pixel work on uploads, in a worker thread: decoding a phone photo in JavaScript takes
 * seconds (a 12-megapixel JPEG about 6 s on one core), and on the main thread every other request
 * of the process would wait that long. Started by ./pixels.ts from this file's text (`eval`), so
 * it needs no place of its own in the build; the libraries come by the absolute paths the main
 * thread resolved.
 *
 * workerData: { task, paths: { jpeg, png, jsqr }, maxPixels, searchSizes }
 * task: { op: 'check', type, bytes } → { ok: true } | { refusal: 'too_large' | 'damaged' }
 *       { op: 'reference', sources } → { reference: string | null }
 * A source is { kind: 'encoded', type: 'image/jpeg' | 'image/png', bytes } or
 * { kind: 'raw', bytes, flate, width, height, components, bits, predictor } (a PDF image).
 */
/* eslint-disable @typescript-eslint/no-require-imports -- a worker started from text (`eval`) is
   CommonJS and loads its libraries with require() */
const { parentPort, workerData } = require('node:worker_threads');
const { inflateSync } = require('node:zlib');
const jpeg = require(workerData.paths.jpeg);
const { PNG } = require(workerData.paths.png);
const jsQR = require(workerData.paths.jsqr);

const { maxPixels, searchSizes } = workerData;
// XXXX-XXXX-XXXX in Crockford's base32 alphabet, as drafts.newReference() makes them.
const REFERENCE = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

class TooLarge extends Error {}

/** PNG: width and height are the first fields of IHDR, which must be the first chunk. */
function pngSize(bytes) {
	if (bytes.length < 24 || bytes.toString('latin1', 12, 16) !== 'IHDR') return null;
	return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** JPEG or PNG to RGBA; a header announcing more than maxPixels is refused before decoding. */
function decode(type, bytes) {
	if (type === 'image/jpeg') {
		try {
			// jpeg-js checks the frame header against these before allocating pixel buffers.
			return jpeg.decode(bytes, {
				useTArray: true,
				formatAsRGBA: true,
				maxResolutionInMP: maxPixels / 1e6,
				maxMemoryUsageInMB: 512
			});
		} catch (error) {
			if (/maxResolutionInMP|maxMemoryUsageInMB/.test(String(error))) throw new TooLarge();
			throw error;
		}
	}
	const size = pngSize(bytes);
	if (!size) throw new Error('PNG without IHDR');
	if (size.width * size.height > maxPixels) throw new TooLarge();
	const png = PNG.sync.read(bytes);
	return { width: png.width, height: png.height, data: png.data };
}

/** Undoes PNG predictors (PDF Predictor ≥ 10): each row starts with its filter type byte. */
function unpredict(data, rowBytes, bpp, rows) {
	const out = new Uint8Array(rowBytes * rows);
	for (let y = 0; y < rows; y++) {
		const filter = data[y * (rowBytes + 1)];
		const src = y * (rowBytes + 1) + 1;
		const row = y * rowBytes;
		for (let x = 0; x < rowBytes; x++) {
			const raw = data[src + x] ?? 0;
			const left = x >= bpp ? out[row + x - bpp] : 0;
			const up = y > 0 ? out[row - rowBytes + x] : 0;
			const upLeft = y > 0 && x >= bpp ? out[row - rowBytes + x - bpp] : 0;
			let value = raw;
			if (filter === 1) value = raw + left;
			else if (filter === 2) value = raw + up;
			else if (filter === 3) value = raw + ((left + up) >> 1);
			else if (filter === 4) {
				const p = left + up - upLeft;
				const pa = Math.abs(p - left);
				const pb = Math.abs(p - up);
				const pc = Math.abs(p - upLeft);
				value = raw + (pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft);
			}
			out[row + x] = value & 0xff;
		}
	}
	return out;
}

/** A PDF image's samples (8 or 1 bit; gray, RGB or CMYK) to RGBA. */
function rawToRgba(source) {
	const { width, height, components: comps, bits } = source;
	if (width * height > maxPixels) throw new TooLarge();
	const rowBytes = Math.ceil((width * comps * bits) / 8);
	let samples = source.bytes;
	if (source.flate) {
		// Bounded by what the header announces (plus predictor bytes): never a bomb.
		samples = inflateSync(samples, { maxOutputLength: (rowBytes + 1) * height + 1024 });
	}
	if (source.predictor >= 10) {
		samples = unpredict(samples, rowBytes, Math.max(1, (comps * bits) >> 3), height);
	}
	if (samples.length < rowBytes * height) throw new Error('Image data too short');
	const data = new Uint8Array(width * height * 4);
	for (let y = 0; y < height; y++) {
		for (let x = 0; x < width; x++) {
			const o = (y * width + x) * 4;
			let r, g, b;
			if (bits === 1) {
				const bit = (samples[y * rowBytes + (x >> 3)] >> (7 - (x & 7))) & 1;
				r = g = b = bit ? 255 : 0;
			} else {
				const i = y * rowBytes + x * comps;
				if (comps === 1) r = g = b = samples[i];
				else if (comps === 3) [r, g, b] = [samples[i], samples[i + 1], samples[i + 2]];
				else {
					const k = samples[i + 3];
					r = 255 - Math.min(255, samples[i] + k);
					g = 255 - Math.min(255, samples[i + 1] + k);
					b = 255 - Math.min(255, samples[i + 2] + k);
				}
			}
			data[o] = r;
			data[o + 1] = g;
			data[o + 2] = b;
			data[o + 3] = 255;
		}
	}
	return { width, height, data };
}

/** Box-filter downscale to `longest` pixels on the longest side (no-op when already smaller). */
function downscale(image, longest) {
	const scale = longest / Math.max(image.width, image.height);
	if (scale >= 1) return image;
	const width = Math.max(1, Math.round(image.width * scale));
	const height = Math.max(1, Math.round(image.height * scale));
	const out = new Uint8Array(width * height * 4);
	const xRatio = image.width / width;
	const yRatio = image.height / height;
	for (let y = 0; y < height; y++) {
		const y0 = Math.floor(y * yRatio);
		const y1 = Math.max(y0 + 1, Math.floor((y + 1) * yRatio));
		for (let x = 0; x < width; x++) {
			const x0 = Math.floor(x * xRatio);
			const x1 = Math.max(x0 + 1, Math.floor((x + 1) * xRatio));
			let r = 0;
			let g = 0;
			let b = 0;
			let n = 0;
			for (let sy = y0; sy < y1; sy++) {
				let i = (sy * image.width + x0) * 4;
				for (let sx = x0; sx < x1; sx++, i += 4) {
					r += image.data[i];
					g += image.data[i + 1];
					b += image.data[i + 2];
					n++;
				}
			}
			const o = (y * width + x) * 4;
			out[o] = r / n;
			out[o + 1] = g / n;
			out[o + 2] = b / n;
			out[o + 3] = 255;
		}
	}
	return { width, height, data: out };
}

/**
 * The reference in an image, searched at growing sizes (jsQR's time grows with the pixels; the
 * cover sheet's large code is found small, a form page's 48 pt code needs the larger size).
 */
function findReference(image) {
	const longest = Math.max(image.width, image.height);
	const largest = Math.max(...searchSizes);
	const sizes = [...searchSizes.filter((s) => s < longest), Math.min(longest, largest)];
	for (const size of new Set(sizes)) {
		const scaled = downscale(image, size);
		const pixels = new Uint8ClampedArray(
			scaled.data.buffer,
			scaled.data.byteOffset,
			scaled.data.length
		);
		const code = jsQR(pixels, scaled.width, scaled.height, { inversionAttempts: 'dontInvert' });
		const text = code && code.data.trim().toUpperCase();
		if (text && REFERENCE.test(text)) return text;
	}
	return null;
}

function run(task) {
	if (task.op === 'check') {
		try {
			decode(task.type, Buffer.from(task.bytes));
			return { ok: true };
		} catch (error) {
			return { refusal: error instanceof TooLarge ? 'too_large' : 'damaged' };
		}
	}
	for (const source of task.sources) {
		let image;
		try {
			image =
				source.kind === 'raw' ? rawToRgba(source) : decode(source.type, Buffer.from(source.bytes));
		} catch {
			continue; // one unreadable image does not hide the others
		}
		const reference = findReference(image);
		if (reference) return { reference };
	}
	return { reference: null };
}

parentPort.postMessage(run(workerData.task));
