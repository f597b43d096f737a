import type { PreviewManager } from '../preview/previewManager';
import type { SearchController } from '../search/searchController';
import type { Services } from '../services';
import type { TreeFeature } from '../tree/feature';
import type { TradePicker } from './tradePicker';

/** Everything the composition root built that commands act on. */
export interface Features {
	readonly services: Services;
	readonly tree: TreeFeature;
	readonly previews: PreviewManager;
	/** The search QuickPick, also the one item picker. */
	readonly search: SearchController;
	/** The foreign-trade query picker (flow, HS codes, period kind, years). */
	readonly tradePicker: TradePicker;
}
