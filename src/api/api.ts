import type {
	DerivedPeriod,
	DerivedVariable,
	Domain,
	DynamicTable,
	Lang,
	Paged,
	Period,
	PressRelease,
	PressReleaseDetail,
	Publication,
	PublicationDetail,
	StaticTable,
	StaticTableDetail,
	StrategicIndicator,
	Subject,
	SubjectCategory,
	Variable,
	VerticalVariable,
	Freshness,
} from './types';

/** Options every call takes. */
export interface CallOptions {
	signal?: AbortSignal;
	/** Data language; the client's default when absent. */
	lang?: Lang;
	/** Skip the cache for this call (Refresh). The fresh answer still goes into the cache. */
	bypassCache?: boolean;
}

/** Options for list calls. Without `page`, every page is fetched (page 1, then the rest concurrently). */
export interface ListOptions extends CallOptions {
	page?: number;
	keyword?: string;
}

export interface DynamicDataRequest {
	domain: string;
	variable: number;
	/** `th_id`s (not years). Any number: the client splits them by the per-call cap (3 on 0000, 2 elsewhere) and merges. */
	periods: number[];
	/** Restrict rows (vervar ids), derived variables (turvar ids), derived periods (turtahun ids). */
	vervar?: number[];
	turvar?: number[];
	turth?: number[];
	/** Called after each chunk completes, for progress UI. */
	onProgress?: (done: number, total: number) => void;
}

export type DomainType = 'all' | 'prov' | 'kab' | 'kabbyprov';

/**
 * The BPS WebAPI, typed. Implemented by `BpsClient` (src/api/client.ts). Every method throws
 * `BpsError` on failure; "no data" answers of list calls return an empty `Paged` instead.
 */
export interface BpsApi {
	listDomains(type: DomainType, opts?: CallOptions & { prov?: string }): Promise<Paged<Domain>>;
	listSubjectCategories(domain: string, opts?: ListOptions): Promise<Paged<SubjectCategory>>;
	listSubjects(domain: string, opts?: ListOptions & { subcat?: number }): Promise<Paged<Subject>>;
	listVariables(domain: string, opts?: ListOptions & { subject?: number }): Promise<Paged<Variable>>;
	listVerticalVariables(
		domain: string,
		opts?: ListOptions & { variable?: number },
	): Promise<Paged<VerticalVariable>>;
	listPeriods(domain: string, variable: number, opts?: ListOptions): Promise<Paged<Period>>;
	listDerivedVariables(domain: string, variable: number, opts?: ListOptions): Promise<Paged<DerivedVariable>>;
	listDerivedPeriods(domain: string, variable: number, opts?: ListOptions): Promise<Paged<DerivedPeriod>>;
	/** `model=data`, split into ⌈periods / cap⌉ concurrent calls and merged into one table. */
	getDynamicData(req: DynamicDataRequest, opts?: CallOptions): Promise<DynamicTable>;
	/** The API has no subject filter here: group by `subjectId` on our side. */
	listStaticTables(domain: string, opts?: ListOptions): Promise<Paged<StaticTable>>;
	getStaticTable(domain: string, id: number, opts?: CallOptions): Promise<StaticTableDetail & Freshness>;
	listPublications(domain: string, opts?: ListOptions): Promise<Paged<Publication>>;
	getPublication(domain: string, id: string, opts?: CallOptions): Promise<PublicationDetail & Freshness>;
	listPressReleases(domain: string, opts?: ListOptions): Promise<Paged<PressRelease>>;
	getPressRelease(domain: string, id: number, opts?: CallOptions): Promise<PressReleaseDetail & Freshness>;
	listIndicators(domain: string, opts?: ListOptions): Promise<Paged<StrategicIndicator>>;
}

/** Max periods (`th`) per `model=data` call: 3 on the national domain, 2 on province/regency domains. */
export function periodCap(domain: string): number {
	return domain === '0000' ? 3 : 2;
}
