/**
 * SDGs (`list model=sdgs&domain=0000[&goal=1..17]`) and SDDS (`list model=sdds&domain=0000`),
 * bps-api.md §3.6.
 *
 * SDGs fields follow two independent clients (`sdgs_goal`, `sdgs_goal_name`, `sdgs_id` with a
 * trailing `*` on some ids, `var_id`, `title`, `sub_id`, `sub_name`, `def`, `notes`, `vertical`,
 * `unit`, `graph_id`, `graph_name`, `meta_activity`, `meta_var`). Every indicator points at a
 * national variable the emulator really serves (`model=data&var=<var_id>`).
 *
 * GUESSES: which indicators exist and which variable each points to; that a goal with no indicator
 * answers list-not-available; the whole SDDS item shape (`sdds_id`, `category`, `title`, `model`,
 * `var_id` or `table_id`, `unit`, `periodicity`) — not documented anywhere.
 */
import { getCatalogue, type Lang } from '../data';
import { type ApiResponse, listNotAvailable, paged } from '../handlers';

/** Goal names as BPS writes them ("1. Tanpa Kemiskinan"). */
export const SDG_GOALS: ReadonlyArray<readonly [ind: string, eng: string]> = [
	['Tanpa Kemiskinan', 'No Poverty'],
	['Tanpa Kelaparan', 'Zero Hunger'],
	['Kehidupan Sehat dan Sejahtera', 'Good Health and Well-being'],
	['Pendidikan Berkualitas', 'Quality Education'],
	['Kesetaraan Gender', 'Gender Equality'],
	['Air Bersih dan Sanitasi Layak', 'Clean Water and Sanitation'],
	['Energi Bersih dan Terjangkau', 'Affordable and Clean Energy'],
	['Pekerjaan Layak dan Pertumbuhan Ekonomi', 'Decent Work and Economic Growth'],
	['Industri, Inovasi dan Infrastruktur', 'Industry, Innovation and Infrastructure'],
	['Berkurangnya Kesenjangan', 'Reduced Inequalities'],
	['Kota dan Permukiman yang Berkelanjutan', 'Sustainable Cities and Communities'],
	['Konsumsi dan Produksi yang Bertanggung Jawab', 'Responsible Consumption and Production'],
	['Penanganan Perubahan Iklim', 'Climate Action'],
	['Ekosistem Lautan', 'Life Below Water'],
	['Ekosistem Daratan', 'Life on Land'],
	['Perdamaian, Keadilan dan Kelembagaan yang Tangguh', 'Peace, Justice and Strong Institutions'],
	['Kemitraan untuk Mencapai Tujuan', 'Partnerships for the Goals'],
];

/** [goal, sdgs_id, var_id] — each var exists in the emulator's national catalogue. */
export const SDG_INDICATORS: ReadonlyArray<readonly [goal: number, id: string, varId: number]> = [
	[1, '1.2.1*', 154],
	[1, '1.3.1.(a)', 291],
	[3, '3.8.1.(a)', 293],
	[3, '3.2.1', 501],
	[4, '4.1.1.(a)', 89],
	[4, '4.6.1.(a)', 112],
	[5, '5.b.1*', 70],
	[6, '6.1.1.(a)', 211],
	[6, '6.2.1.(a)', 220],
	[7, '7.1.1*', 604],
	[8, '8.1.1*', 536],
	[8, '8.5.2*', 543],
	[9, '9.2.1', 592],
	[9, '9.c.1*', 191],
	[10, '10.1.1.(a)', 98],
	[11, '11.1.1.(a)', 213],
	[13, '13.1.1*', 1804],
	[17, '17.6.1*', 199],
	[17, '17.11.1', 405],
];

export function goalName(goal: number, lang: Lang): string {
	const g = SDG_GOALS[goal - 1];
	return `${goal}. ${lang === 'eng' ? g[1] : g[0]}`;
}

export function sdgsItems(lang: Lang): Record<string, unknown>[] {
	const cat = getCatalogue('0000', lang);
	if (!cat) return [];
	return SDG_INDICATORS.flatMap(([goal, id, varId]) => {
		const v = cat.varById.get(varId);
		if (!v) return [];
		return [
			{
				sdgs_goal: `sdgs_${goal}`,
				sdgs_goal_name: goalName(goal, lang),
				sdgs_id: id,
				var_id: v.id,
				title: v.title,
				sub_id: v.subId,
				sub_name: v.subName,
				def: v.def,
				notes: v.notes,
				vertical: v.vertical,
				unit: v.unit,
				graph_id: v.graphId,
				graph_name: v.graphName,
				meta_activity: null,
				meta_var: `https://sirusa.web.bps.go.id/metadata/?p=1&i=${v.id}`,
			},
		];
	});
}

export function handleSdgs(p: Record<string, string>, lang: Lang): ApiResponse {
	if (p.domain !== '0000') return listNotAvailable();
	let items = sdgsItems(lang);
	if (p.goal !== undefined) items = items.filter((it) => it.sdgs_goal === `sdgs_${p.goal}`);
	if (p.keyword) {
		const k = p.keyword.replace(/\+/g, ' ').trim().toLowerCase();
		items = items.filter((it) => `${String(it.sdgs_id)} ${String(it.title)}`.toLowerCase().includes(k));
	}
	return paged(items, p.page);
}

/** [category ind, category eng, kind, id, periodicity] */
const SDDS: ReadonlyArray<readonly [string, string, 'data' | 'statictable', number, string]> = [
	['Sektor Riil', 'Real Sector', 'data', 104, 'Q'],
	['Sektor Riil', 'Real Sector', 'data', 478, 'M'],
	['Sektor Riil', 'Real Sector', 'data', 543, 'A'],
	['Sektor Riil', 'Real Sector', 'data', 592, 'A'],
	['Sektor Eksternal', 'External Sector', 'data', 196, 'A'],
	['Sektor Eksternal', 'External Sector', 'data', 405, 'A'],
	['Sosial Demografi', 'Socio-Demographic', 'data', 42, 'A'],
	['Sosial Demografi', 'Socio-Demographic', 'statictable', 2215, 'A'],
];

export function sddsItems(lang: Lang): Record<string, unknown>[] {
	const cat = getCatalogue('0000', lang);
	if (!cat) return [];
	return SDDS.flatMap(([ind, eng, model, id, periodicity], i): Record<string, unknown>[] => {
		const category = lang === 'eng' ? eng : ind;
		if (model === 'data') {
			const v = cat.varById.get(id);
			if (!v) return [];
			return [{ sdds_id: i + 1, category, title: v.title, model, var_id: id, unit: v.unit, periodicity }];
		}
		const t = cat.statictables.find((s) => s.table_id === id);
		if (!t) return [];
		return [{ sdds_id: i + 1, category, title: t.title, model, table_id: id, unit: '', periodicity }];
	});
}

export function handleSdds(p: Record<string, string>, lang: Lang): ApiResponse {
	if (p.domain !== '0000') return listNotAvailable();
	return paged(sddsItems(lang), p.page);
}
