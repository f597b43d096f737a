import * as vscode from 'vscode';
import { Commands } from '../constants';
import { showLog } from '../util/logger';

export function registerShowLog(context: vscode.ExtensionContext): void {
	context.subscriptions.push(vscode.commands.registerCommand(Commands.showLog, () => showLog()));
}
