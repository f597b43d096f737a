import type { SdgIndicator } from '../api/families/types';

/**
 * An SDG indicator's table title: "1.2.1 Persentase penduduk …" (the number BPS shows first). Its
 * own module: the catalogue (loaded at activation) uses it, the snippets re-export it.
 */
export function sdgTitle(i: Pick<SdgIndicator, 'number' | 'title'>): string {
	return `${i.number} ${i.title.trim()}`;
}
