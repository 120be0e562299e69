/**
 * Runs the pixel work of ./pixels.worker.cjs in a worker thread, a few at a time: decoding an
 * upload to check it, and searching it for the reference QR. The main thread keeps answering
 * requests meanwhile; at most MAX_RUNNING images are in memory at once (each up to MAX_PIXELS,
 * 160 MB as RGBA), so a burst of uploads on a deadline day queues instead of exhausting memory.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
// The worker's source as text (Vite's ?raw), started with `eval`: it needs no file of its own
// in the build output, and vitest runs the very same text.
import source from './pixels.worker.cjs?raw';

export const MAX_PIXELS = 40_000_000;
/** Longest sides the QR is searched at, smallest first (see findReference in the worker). */
const SEARCH_SIZES = [1000, 2400];
const MAX_RUNNING = Math.max(1, Math.min(2, availableParallelism() - 1));
// A 40 MP image decodes in well under this on a slow core; past it, the image is refused.
const TIME_LIMIT_MS = 120_000;

const nodeRequire = createRequire(import.meta.url);
let paths: { jpeg: string; png: string; jsqr: string } | undefined;

export type ImageType = 'image/jpeg' | 'image/png';
export type PixelSource =
	| { kind: 'encoded'; type: ImageType; bytes: Uint8Array }
	| {
			kind: 'raw';
			bytes: Uint8Array;
			flate: boolean;
			width: number;
			height: number;
			components: number;
			bits: number;
			predictor: number;
	  };

type Task =
	{ op: 'check'; type: ImageType; bytes: Uint8Array } | { op: 'reference'; sources: PixelSource[] };
type Answer = { ok: true } | { refusal: 'too_large' | 'damaged' } | { reference: string | null };

let running = 0;
const waiting: (() => void)[] = [];

async function slot(): Promise<() => void> {
	if (running >= MAX_RUNNING) await new Promise<void>((resolve) => waiting.push(resolve));
	running++;
	return () => {
		running--;
		waiting.shift()?.();
	};
}

async function run(task: Task): Promise<Answer | 'timeout'> {
	paths ??= {
		jpeg: nodeRequire.resolve('jpeg-js'),
		png: nodeRequire.resolve('pngjs'),
		jsqr: nodeRequire.resolve('jsqr')
	};
	const release = await slot();
	try {
		return await new Promise<Answer | 'timeout'>((resolve, reject) => {
			const worker = new Worker(source, {
				eval: true,
				workerData: { task, paths, maxPixels: MAX_PIXELS, searchSizes: SEARCH_SIZES }
			});
			const timer = setTimeout(() => {
				void worker.terminate();
				resolve('timeout');
			}, TIME_LIMIT_MS);
			worker.once('message', (answer: Answer) => {
				clearTimeout(timer);
				resolve(answer);
			});
			worker.once('error', (error) => {
				clearTimeout(timer);
				reject(error);
			});
			worker.once('exit', (code) => {
				clearTimeout(timer);
				// After a message this changes nothing; without one, the worker died (out of memory).
				resolve(code === 0 ? { refusal: 'damaged' } : 'timeout');
			});
		});
	} finally {
		release();
	}
}

/** Decodes a JPEG or PNG completely: null when it is fine, or why it is refused. */
export async function checkImage(
	type: ImageType,
	bytes: Uint8Array
): Promise<'too_large' | 'damaged' | null> {
	const answer = await run({ op: 'check', type, bytes });
	if (answer === 'timeout') return 'too_large';
	return 'refusal' in answer ? answer.refusal : null;
}

/** The first reference QR found in these images, or null. */
export async function referenceIn(sources: PixelSource[]): Promise<string | null> {
	if (sources.length === 0) return null;
	const answer = await run({ op: 'reference', sources });
	return answer !== 'timeout' && 'reference' in answer ? answer.reference : null;
}
