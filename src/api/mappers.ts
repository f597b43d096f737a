/**
 * Raw (validated) BPS items → the model in types.ts. HTML fields that BPS entity-escapes once
 * (`notes`, `abstract`, static `table`) are decoded once here; they still need sanitizing to render.
 */
import { unescapeEntities } from './html';
import type * as S from './schemas';
import type { Raw } from './schemas';
import type {
	DerivedPeriod,
	DerivedVariable,
	Domain,
	DomainLevel,
	Period,
	PressRelease,
	Publication,
	PublicationDetail,
	StaticTable,
	StaticTableDetail,
	StrategicIndicator,
	Subject,
	SubjectCategory,
	Variable,
	VerticalVariable,
} from './types';

/** `0000` national, `PP00` province, anything else a regency/city. */
export function domainLevel(id: string): DomainLevel {
	if (id === '0000') {
		return 'national';
	}
	return id.endsWith('00') ? 'province' : 'regency';
}

/** The province of a regency (`3578` → `3500`); undefined for national and province domains. */
export function provinceOf(id: string): string | undefined {
	return domainLevel(id) === 'regency' ? `${id.slice(0, 2)}00` : undefined;
}

export function mapDomain(r: Raw<typeof S.DomainSchema>): Domain {
	// Codes are 4-digit text; a numeric id would have lost leading zeros.
	const id = /^\d{1,4}$/.test(r.domain_id) ? r.domain_id.padStart(4, '0') : r.domain_id;
	const d: Domain = { id, name: r.domain_name.trim(), url: r.domain_url, level: domainLevel(id) };
	const prov = provinceOf(id);
	if (prov) {
		d.provinceId = prov;
	}
	return d;
}

export function mapSubjectCategory(r: Raw<typeof S.SubjectCategorySchema>): SubjectCategory {
	return { id: r.subcat_id, title: r.title.trim() };
}

export function mapSubject(r: Raw<typeof S.SubjectSchema>): Subject {
	return {
		id: r.sub_id,
		title: r.title.trim(),
		categoryId: r.subcat_id ?? 0,
		categoryTitle: r.subcat.trim(),
		tableCount: r.ntabel,
	};
}

export function mapVariable(r: Raw<typeof S.VariableSchema>): Variable {
	const out: Variable = {
		id: r.var_id,
		title: r.title.trim(),
		subjectId: r.sub_id ?? 0,
		subjectName: r.sub_name,
		unit: r.unit,
		definition: unescapeEntities(r.def),
		notes: unescapeEntities(r.notes),
		verticalGroup: r.vertical ?? 0,
	};
	if (r.subcsa_id !== null) {
		out.csaSubjectId = r.subcsa_id;
	}
	if (r.subcsa_name) {
		out.csaSubjectName = r.subcsa_name;
	}
	return out;
}

export function mapVerticalVariable(r: Raw<typeof S.VerticalVariableSchema>): VerticalVariable {
	const out: VerticalVariable = { id: r.kode_ver_id, label: r.vervar };
	if (r.item_ver_id !== null) {
		out.itemId = r.item_ver_id;
	}
	if (r.group_ver_id !== null) {
		out.groupId = r.group_ver_id;
	}
	if (r.name_group_ver_id) {
		out.groupName = r.name_group_ver_id;
	}
	return out;
}

export function mapPeriod(r: Raw<typeof S.PeriodSchema>): Period {
	return { id: r.th_id, label: r.th.trim() };
}

export function mapDerivedVariable(r: Raw<typeof S.DerivedVariableSchema>): DerivedVariable {
	return withGroup<DerivedVariable>(
		{ id: r.turvar_id, label: r.turvar },
		r.group_turvar_id,
		r.name_group_turvar,
	);
}

export function mapDerivedPeriod(r: Raw<typeof S.DerivedPeriodSchema>): DerivedPeriod {
	return withGroup<DerivedPeriod>({ id: r.turth_id, label: r.turth }, r.group_turth_id, r.name_group_turth);
}

function withGroup<T extends { groupId?: number; groupName?: string }>(
	o: T,
	groupId: number | null,
	groupName: string,
): T {
	if (groupId !== null) {
		o.groupId = groupId;
	}
	if (groupName) {
		o.groupName = groupName;
	}
	return o;
}

export function mapStaticTable(r: Raw<typeof S.StaticTableSchema>): StaticTable {
	return {
		id: r.table_id,
		title: r.title.trim(),
		subjectId: r.subj_id,
		subjectName: r.subj,
		updated: r.updt_date,
		size: r.size,
		excelUrl: r.excel,
	};
}

export function mapStaticTableDetail(r: Raw<typeof S.StaticTableDetailSchema>): StaticTableDetail {
	return {
		id: r.table_id,
		title: r.title.trim(),
		subjectId: r.subj_id,
		subjectName: r.subj,
		updated: r.updt_date,
		size: r.size,
		excelUrl: r.excel,
		html: unescapeEntities(r.table),
		created: r.cr_date,
	};
}

export function mapPublication(r: Raw<typeof S.PublicationSchema>): Publication {
	return {
		id: r.pub_id,
		title: r.title.trim(),
		abstract: unescapeEntities(r.abstract),
		issn: r.issn,
		scheduledDate: r.sch_date,
		releaseDate: r.rl_date,
		updated: r.updt_date,
		coverUrl: r.cover,
		pdfUrl: r.pdf,
		size: r.size,
	};
}

export function mapPublicationDetail(r: Raw<typeof S.PublicationDetailSchema>): PublicationDetail {
	const out: PublicationDetail = {
		...mapPublication(r),
		related: r.related.map((x) => ({
			id: x.pub_id,
			title: x.title,
			releaseDate: x.rl_date,
			url: x.url,
			coverUrl: x.cover,
		})),
	};
	if (r.kat_no) {
		out.catalogueNo = r.kat_no;
	}
	if (r.pub_no) {
		out.publicationNo = r.pub_no;
	}
	return out;
}

export function mapPressRelease(r: Raw<typeof S.PressReleaseSchema>): PressRelease {
	return {
		id: r.brs_id,
		title: r.title.trim(),
		subjectId: r.subj_id,
		subjectName: r.subj,
		abstract: unescapeEntities(r.abstract),
		releaseDate: r.rl_date,
		updated: r.updt_date,
		pdfUrl: r.pdf,
		size: r.size,
		slideUrl: r.slide,
		thumbnailUrl: r.thumbnail,
	};
}

export function mapIndicator(r: Raw<typeof S.IndicatorSchema>): StrategicIndicator {
	return {
		indicatorId: r.indicator_id,
		varId: r.var,
		title: r.title.trim(),
		name: r.name,
		dataSource: r.data_source,
		value: r.value,
		unit: r.unit,
		period: r.periode,
		subjectCsa: r.subject_csa,
		category: r.category,
	};
}
