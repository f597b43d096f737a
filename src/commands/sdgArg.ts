import * as vscode from 'vscode';
import type { CatalogueService } from '../catalogue/catalogueService';
import { sdgSpecText, toSdgSpec } from '../catalogue/sdgs';
import { recordShown } from '../util/errors';

/**
 * `bps.preview` and `bps.insertData` take an SDG indicator as `{ kind: 'sdg', number: '1.2.1' }`
 * or `{ kind: 'sdg', varId }`: it becomes the ref of its national dynamic table, other fields
 * (format, years…) kept. Anything else passes through. Undefined (with a warning shown) when BPS
 * lists no such indicator.
 */
export async function resolveSdgArg(arg: unknown, catalogue: CatalogueService): Promise<unknown> {
	const spec = toSdgSpec(arg);
	if (!spec) return arg;
	const ref = await catalogue.sdgRef(spec);
	if (ref) return { ...(arg as object), ...ref };
	const message = vscode.l10n.t('BPS lists no SDG indicator {0}.', sdgSpecText(spec));
	recordShown('warning', message);
	void vscode.window.showWarningMessage(message);
	return undefined;
}
