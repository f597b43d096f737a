/**
 * Raw shapes of the newer families, validated leniently (bps-api.md §3.3, §3.5, §3.6, §3.8–3.10:
 * several are documented only, or seen in one client): unknown fields pass, numbers may come as
 * text, and where sources disagree on a name (`glos_id` vs an Elasticsearch hit) both are read.
 */
import * as v from 'valibot';
import { alias, num, numOrNull, str, strOpt, strOrNull } from '../schemas';

export const TradeRowSchema = v.object({
	tahun: num,
	bulan: strOpt,
	kodehs: str,
	pod: strOrNull,
	ctr: strOrNull,
	value: numOrNull,
	netweight: numOrNull,
});

export const SdgsSchema = v.object({
	sdgs_goal: strOpt,
	sdgs_goal_name: strOpt,
	sdgs_id: str,
	var_id: num,
	title: str,
	unit: strOpt,
	sub_id: numOrNull,
	sub_name: strOpt,
	def: strOpt,
});

/** Undocumented: the id, the kind of table and its id are read from whichever field carries them. */
export const SddsSchema = v.pipe(
	v.unknown(),
	alias([
		['sdds_id', 'id'],
		['title', 'judul'],
	]),
	v.object({
		sdds_id: numOrNull,
		category: strOpt,
		title: str,
		model: strOpt,
		var_id: numOrNull,
		table_id: numOrNull,
		unit: strOpt,
		periodicity: strOpt,
	}),
);

export const CensusEventSchema = v.object({ id: str, kegiatan: str, tahun_kegiatan: numOrNull });
export const CensusTopicSchema = v.object({ id: num, topik: str, topic: strOpt, id_kegiatan: strOpt });
export const CensusAreaSchema = v.object({ id: num, kode_mfd: str, nama: str, slug: strOpt });
export const CensusDatasetSchema = v.object({
	id: num,
	id_topik: numOrNull,
	id_kegiatan: strOpt,
	nama: str,
	deskripsi: strOpt,
});
/** Rows keep their dynamic `*_kategori_N` fields; the mapper reads them. */
export const CensusRowSchema = v.looseObject({
	id_wilayah: strOpt,
	kode_wilayah: strOpt,
	nama_wilayah: strOpt,
	id_indikator: strOpt,
	nama_indikator: strOpt,
	period: strOpt,
	nilai: numOrNull,
});

export const SimdasiAreaSchema = v.pipe(
	v.unknown(),
	alias([
		['kode_wilayah', 'mfd'],
		['kode_wilayah', 'kode'],
		['nama_wilayah', 'nama'],
		['nama_wilayah', 'wilayah'],
	]),
	v.object({ kode_wilayah: str, nama_wilayah: str }),
);
export const SimdasiTableRefSchema = v.object({
	id_tabel: str,
	judul: str,
	judul_en: strOpt,
	kode_tabel: strOpt,
	ketersediaan_tahun: v.optional(v.array(num), []),
	bab: strOpt,
	bab_en: strOpt,
	mms_id: numOrNull,
});
export const SimdasiTableSchema = v.object({
	judul_tabel: str,
	judul_tabel_en: strOpt,
	tahun_data: numOrNull,
	wilayah: strOpt,
	kolom: v.record(
		v.string(),
		v.object({
			nama_variabel: strOpt,
			nama_variabel_en: strOpt,
			satuan: strOpt,
			satuan_en: strOpt,
			angka_desimal_dibelakang_koma: numOrNull,
		}),
	),
	data: v.array(
		v.object({
			label: strOpt,
			label_raw: strOpt,
			kode_wilayah: strOpt,
			variables: v.optional(v.record(v.string(), v.object({ value: numOrNull, value_raw: strOpt })), {}),
		}),
	),
	catatan: strOpt,
	sumber: strOpt,
});

const Related = v.optional(v.array(v.object({ kode: str, judul: strOpt, deskripsi: strOpt })), []);
export const ClassificationHitSchema = v.object({
	_id: strOpt,
	_source: v.object({
		id: str,
		judul: strOpt,
		title: strOpt,
		deskripsi: strOpt,
		description: strOpt,
		level: strOpt,
		url: strOpt,
		last_update: strOrNull,
		sebelumnya: v.nullish(Related, []),
		turunan: v.nullish(Related, []),
	}),
});

/** Either an Elasticsearch hit (the docs) or a flat `{glos_id, title, description, url}` (one SDK). */
export const GlossarySchema = v.pipe(
	v.unknown(),
	v.transform((x: unknown) => {
		if (x && typeof x === 'object' && '_source' in x) return (x as { _source: unknown })._source;
		return x;
	}),
	alias([
		['id', 'glos_id'],
		['konsep', 'title'],
		['definisi', 'description'],
		['endpoint', 'url'],
	]),
	v.object({
		id: str,
		konsep: str,
		konsep_en: strOpt,
		definisi: strOpt,
		definisi_en: strOpt,
		satuan: strOpt,
		satuan_en: strOpt,
		sumberData: strOpt,
		klasifikasi: strOpt,
		endpoint: strOpt,
	}),
);

export const InfographicSchema = v.object({
	inf_id: num,
	title: str,
	img: strOpt,
	desc: strOpt,
	category: numOrNull,
	dl: strOpt,
});

export const NewsSchema = v.pipe(
	v.unknown(),
	alias([['newscat_id', 'news_type']]),
	v.object({
		news_id: num,
		newscat_id: strOpt,
		newscat_name: strOpt,
		title: str,
		news: strOpt,
		rl_date: strOrNull,
		picture: strOpt,
	}),
);
export const NewsCategorySchema = v.object({ newscat_id: str, newscat_name: strOpt });
