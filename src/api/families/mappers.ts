/** Raw family answers → the model in `types.ts`. Pure. */
import type { Raw } from '../schemas';
import { unescapeEntities } from '../html';
import type * as S from './schemas';
import type {
	CensusArea,
	CensusCategory,
	CensusData,
	CensusDataset,
	CensusEvent,
	CensusRow,
	CensusTopic,
	ClassificationEntry,
	ClassificationModel,
	GlossaryEntry,
	Infographic,
	NewsCategory,
	NewsItem,
	SddsItem,
	SdgIndicator,
	SimdasiArea,
	SimdasiTable,
	SimdasiTableRef,
	TradeRecord,
} from './types';

/** "[03] Fish, crustaceans …" → { code: "03", label: "Fish, crustaceans …" }. */
export function splitBracketCode(s: string): { code: string; label: string } {
	const m = /^\s*\[([^\]]+)\]\s*(.*)$/s.exec(s);
	return m ? { code: m[1].trim(), label: m[2].trim() } : { code: '', label: s.trim() };
}

export function mapTradeRow(r: Raw<typeof S.TradeRowSchema>): TradeRecord {
	const hs = splitBracketCode(r.kodehs);
	const month = r.bulan ? Number(splitBracketCode(r.bulan).code) : NaN;
	return {
		year: r.tahun,
		month: Number.isInteger(month) && month >= 1 && month <= 12 ? month : null,
		hsCode: hs.code,
		hsLabel: hs.label,
		port: r.pod,
		country: r.ctr,
		valueUsd: r.value,
		netWeightKg: r.netweight,
	};
}

export function mapSdgs(r: Raw<typeof S.SdgsSchema>): SdgIndicator {
	const goal = Number(/(\d+)/.exec(r.sdgs_goal || r.sdgs_goal_name || r.sdgs_id)?.[1] ?? NaN);
	return {
		goal: Number.isFinite(goal) ? goal : 0,
		goalName: r.sdgs_goal_name,
		number: r.sdgs_id.replace(/\*+$/, '').trim(),
		rawNumber: r.sdgs_id,
		varId: r.var_id,
		title: r.title,
		unit: r.unit,
		subjectId: r.sub_id,
		subjectName: r.sub_name,
		definition: r.def,
	};
}

export function mapSdds(r: Raw<typeof S.SddsSchema>, index: number): SddsItem | undefined {
	const isStatic = r.model === 'statictable' || (r.var_id === null && r.table_id !== null);
	const target = isStatic ? r.table_id : r.var_id;
	if (target === null) return undefined;
	return {
		id: r.sdds_id ?? index + 1,
		category: r.category,
		title: r.title,
		kind: isStatic ? 'statictable' : 'var',
		targetId: target,
		unit: r.unit,
		periodicity: r.periodicity,
	};
}

export const mapCensusEvent = (r: Raw<typeof S.CensusEventSchema>): CensusEvent => ({
	id: r.id,
	name: r.kegiatan,
	year: r.tahun_kegiatan,
});
export const mapCensusTopic = (r: Raw<typeof S.CensusTopicSchema>): CensusTopic => ({
	id: r.id,
	event: r.id_kegiatan,
	name: r.topik,
	nameEn: r.topic || r.topik,
});
/** MFD "0" → 0000, "35" → 3500, "3578" → 3578; longer codes (districts) have no domain. */
export function domainOfCensusMfd(code: string): string | undefined {
	if (code === '0') return '0000';
	if (/^\d{2}$/.test(code)) return `${code}00`;
	if (/^\d{4}$/.test(code)) return code;
	return undefined;
}
export const mapCensusArea = (r: Raw<typeof S.CensusAreaSchema>): CensusArea => ({
	id: r.id,
	mfdCode: r.kode_mfd,
	name: r.nama,
	slug: r.slug,
	domain: domainOfCensusMfd(r.kode_mfd),
});
export const mapCensusDataset = (r: Raw<typeof S.CensusDatasetSchema>): CensusDataset => ({
	id: r.id,
	topicId: r.id_topik ?? 0,
	event: r.id_kegiatan,
	name: r.nama,
	description: r.deskripsi,
});

const text = (x: unknown): string => (x === undefined || x === null ? '' : String(x).trim());

export function mapCensusRow(r: Raw<typeof S.CensusRowSchema>): CensusRow {
	const o = r as Record<string, unknown>;
	const categories: CensusCategory[] = [];
	for (let n = 1; n <= 5; n++) {
		const id = text(o[`id_kategori_${n}`]);
		if (!id) continue;
		categories.push({
			id,
			name: text(o[`nama_kategori_${n}`]),
			itemId: text(o[`id_item_kategori_${n}`]),
			itemCode: text(o[`kode_item_kategori_${n}`]),
			// The API spells it with a double underscore; accept the single one too.
			itemName: text(o[`nama_item__kategori_${n}`] ?? o[`nama_item_kategori_${n}`]),
		});
	}
	return {
		areaId: r.id_wilayah,
		areaCode: r.kode_wilayah,
		areaName: r.nama_wilayah,
		indicatorId: r.id_indikator,
		indicatorName: r.nama_indikator,
		categories,
		period: r.period,
		value: r.nilai,
	};
}

/** The category dimensions of a census answer, items in first-seen order. */
export function censusDimensions(rows: CensusRow[]): CensusData['dimensions'] {
	const dims: CensusData['dimensions'] = [];
	for (const row of rows) {
		row.categories.forEach((c, i) => {
			let d = dims[i];
			if (!d) d = dims[i] = { id: c.id, name: c.name, items: [] };
			if (!d.items.some((it) => it.id === c.itemId))
				d.items.push({ id: c.itemId, code: c.itemCode, name: c.itemName });
		});
	}
	return dims;
}

/** 7-digit MFD → 4-digit domain: "0000000" → 0000, "3500000" → 3500, "3578000" → 3578; districts → undefined. */
export function domainOfMfd(mfd: string): string | undefined {
	if (!/^\d{7}$/.test(mfd)) return undefined;
	if (mfd === '0000000') return '0000';
	if (!mfd.endsWith('000')) return undefined;
	return mfd.slice(0, 4);
}
/** 4-digit domain → 7-digit MFD. */
export function mfdOfDomain(domain: string): string {
	return domain === '0000' ? '0000000' : `${domain}000`;
}

export const mapSimdasiArea = (r: Raw<typeof S.SimdasiAreaSchema>): SimdasiArea => ({
	mfd: r.kode_wilayah,
	name: r.nama_wilayah,
	domain: domainOfMfd(r.kode_wilayah),
});
export const mapSimdasiTableRef = (r: Raw<typeof S.SimdasiTableRefSchema>): SimdasiTableRef => ({
	id: r.id_tabel,
	code: r.kode_tabel,
	title: r.judul,
	titleEn: r.judul_en || r.judul,
	years: [...r.ketersediaan_tahun].sort((a, b) => a - b),
	chapter: r.bab,
	chapterEn: r.bab_en || r.bab,
	subjectId: r.mms_id,
});

export function mapSimdasiTable(
	r: Raw<typeof S.SimdasiTableSchema>,
	ctx: { id: string; mfd: string; year: number; fetchedAt: number; stale: boolean },
): SimdasiTable {
	const keys = Object.keys(r.kolom);
	return {
		id: ctx.id,
		mfd: ctx.mfd,
		year: r.tahun_data ?? ctx.year,
		title: r.judul_tabel,
		titleEn: r.judul_tabel_en || r.judul_tabel,
		area: r.wilayah,
		columns: keys.map((key) => {
			const c = r.kolom[key];
			return {
				key,
				name: c.nama_variabel || key,
				nameEn: c.nama_variabel_en || c.nama_variabel || key,
				unit: c.satuan,
				unitEn: c.satuan_en || c.satuan,
				decimals: c.angka_desimal_dibelakang_koma,
			};
		}),
		rows: r.data.map((d) => ({
			label: d.label || d.label_raw,
			areaCode: d.kode_wilayah,
			values: keys.map((k) => d.variables[k]?.value ?? null),
			raw: keys.map((k) => d.variables[k]?.value_raw ?? ''),
		})),
		notes: r.catatan,
		source: r.sumber,
		fetchedAt: ctx.fetchedAt,
		stale: ctx.stale,
	};
}

export function mapClassification(model: ClassificationModel, lang: 'ind' | 'eng') {
	return (r: Raw<typeof S.ClassificationHitSchema>): ClassificationEntry => {
		const s = r._source;
		const heading = splitBracketCode(lang === 'eng' ? s.title || s.judul : s.judul || s.title);
		const code = heading.code || s.id.split('_').slice(2).join('_');
		return {
			model,
			id: s.id,
			code,
			title: heading.label,
			description: lang === 'eng' ? s.description || s.deskripsi : s.deskripsi || s.description,
			level: s.level,
			url: s.url,
			parents: s.sebelumnya.map((p) => ({ code: p.kode, title: p.judul })),
			children: s.turunan.map((c) => ({ code: c.kode, title: c.judul })),
			lastUpdate: s.last_update,
		};
	};
}

export const mapGlossary = (r: Raw<typeof S.GlossarySchema>): GlossaryEntry => ({
	id: r.id,
	concept: r.konsep,
	conceptEn: r.konsep_en || r.konsep,
	definition: r.definisi,
	definitionEn: r.definisi_en || r.definisi,
	unit: r.satuan,
	unitEn: r.satuan_en || r.satuan,
	source: r.sumberData,
	classification: r.klasifikasi,
	url: r.endpoint,
});

export const mapInfographic = (r: Raw<typeof S.InfographicSchema>): Infographic => ({
	id: r.inf_id,
	title: r.title,
	image: r.img,
	description: r.desc,
	category: r.category,
	download: r.dl,
});

/** Entity-decoded HTML → plain text (excerpts). */
export function plainText(html: string): string {
	return unescapeEntities(html)
		.replace(/<[^>]*>/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}

export const mapNews = (r: Raw<typeof S.NewsSchema>): NewsItem => ({
	id: r.news_id,
	categoryId: r.newscat_id,
	categoryName: r.newscat_name,
	title: r.title,
	excerpt: plainText(r.news).replace(/\.{3,}$/, '…'),
	date: r.rl_date,
	picture: r.picture,
});
export const mapNewsCategory = (r: Raw<typeof S.NewsCategorySchema>): NewsCategory => ({
	id: r.newscat_id,
	name: r.newscat_name || r.newscat_id,
});

/** Entity-escaped HTML from the API → HTML (sanitise before showing). */
export function unescapeHtml(s: string): string {
	return unescapeEntities(s);
}
