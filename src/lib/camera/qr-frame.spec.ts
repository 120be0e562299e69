import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { referenceInFrame, type Frame } from './qr-frame';

/** An RGBA frame with the QR code for `text` drawn at `scale` pixels per module, quiet zone 4. */
function frameWith(text: string, { scale = 4, invert = false, noise = 0 } = {}): Frame {
	const { size, data } = QRCode.create(text).modules;
	const side = (size + 8) * scale;
	const pixels = new Uint8ClampedArray(side * side * 4);
	for (let y = 0; y < side; y++) {
		for (let x = 0; x < side; x++) {
			const row = Math.floor(y / scale) - 4;
			const col = Math.floor(x / scale) - 4;
			const inside = row >= 0 && col >= 0 && row < size && col < size;
			const dark = inside && data[row * size + col] === 1;
			// A camera never sees pure black and white: some grey and a little noise.
			const base = dark !== invert ? 40 : 215;
			const value = base + ((x * 7 + y * 13) % (noise + 1)) - noise / 2;
			const i = (y * side + x) * 4;
			pixels[i] = pixels[i + 1] = pixels[i + 2] = value;
			pixels[i + 3] = 255;
		}
	}
	return { data: pixels, width: side, height: side };
}

describe('referenceInFrame', () => {
	it('reads the reference from the form’s QR code', () => {
		expect(referenceInFrame(frameWith('K7QX-2M9P-4TZA', { noise: 30 }))).toBe('K7QX-2M9P-4TZA');
	});

	it('reads a code shown light on dark', () => {
		expect(referenceInFrame(frameWith('K7QX-2M9P-4TZA', { invert: true }))).toBe('K7QX-2M9P-4TZA');
	});

	it('ignores a QR code that holds something else', () => {
		expect(referenceInFrame(frameWith('https://example.org/K7QX-2M9P-4TZA'))).toBeNull();
		expect(referenceInFrame(frameWith('K7QX-2M9P-4TZU'))).toBeNull();
	});

	it('finds nothing in a frame without a code, or in an empty or short frame', () => {
		const blank = { data: new Uint8ClampedArray(64 * 64 * 4).fill(200), width: 64, height: 64 };
		expect(referenceInFrame(blank)).toBeNull();
		expect(referenceInFrame({ data: new Uint8ClampedArray(0), width: 0, height: 0 })).toBeNull();
		expect(referenceInFrame({ data: new Uint8ClampedArray(16), width: 64, height: 64 })).toBeNull();
	});
});
