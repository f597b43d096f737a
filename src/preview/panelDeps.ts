import type { CallOptions } from '../api/api';
import type { Freshness, Lang } from '../api/types';
import type { HostMessage } from './protocol';

/** What a per-kind loader (documents, references, cards) needs from its panel. */
export interface PanelDeps {
	lang: Lang;
	opts: CallOptions;
	post(m: HostMessage): void;
	setTitle(title: string): void;
	/** Posts whether the answer came from the cache while offline. */
	freshness(f: Freshness): void;
}
