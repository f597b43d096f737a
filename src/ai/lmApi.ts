/** The tool APIs of the running VS Code (see lmDetect.ts). */
import * as vscode from 'vscode';
import { detectLm, type LmFeatures } from './lmDetect';

export type * from './lmDetect';

/** What this VS Code offers of the tool APIs; each part undefined when missing. */
export function lmApi(): LmFeatures {
	return detectLm(vscode);
}
