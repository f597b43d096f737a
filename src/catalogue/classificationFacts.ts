/**
 * What the tree and the snippets need to know of a classification without loading it: its name,
 * its levels and how a code is labelled. Small and pure, so the activation bundle can take it.
 */
import type { ClassificationEntry, ClassificationModel } from '../api/families/types';

/** "kbli2020" → "KBLI 2020" (the catalogue and the snippets both name classifications so). */
export function classificationName(model: ClassificationModel): string {
	return model.replace(/^([a-z]+)(\d+)$/, (_, a: string, y: string) => `${a.toUpperCase()} ${y}`);
}

/** The label of a code in the tree, the search and panel titles: "0112 Pertanian Padi". */
export function codeLabel(e: Pick<ClassificationEntry, 'code' | 'title'>): string {
	return `${e.code} ${e.title}`.trim();
}

/** The level names the API takes in `level=`, outermost first (bps-api.md §3.5). */
const LEVELS = {
	kbli: ['kategori', 'golongan pokok', 'golongan', 'subgolongan', 'kelompok'],
	kbki: ['seksi', 'divisi', 'kelompok', 'kelas', 'subkelas', 'kelompok komoditas', 'komoditas'],
} as const;

export function levelsOf(model: ClassificationModel): readonly string[] {
	return model.startsWith('kbki') ? LEVELS.kbki : LEVELS.kbli;
}

/** True for the innermost level (its codes have no children). An unknown level is not a leaf. */
export function isLeafLevel(model: ClassificationModel, level: string): boolean {
	const levels = levelsOf(model);
	return level.trim().toLowerCase() === levels[levels.length - 1];
}
