/**
 * The @vscode-elements components we use (each import registers its custom element), plus small
 * factories so views do not repeat attribute plumbing.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-progress-ring/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-multi-select/index.js';
import '@vscode-elements/elements/dist/vscode-tabs/index.js';
import '@vscode-elements/elements/dist/vscode-tab-header/index.js';
import '@vscode-elements/elements/dist/vscode-tab-panel/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';

export type VscSelect = HTMLElement & { value: string | string[] };

export function button(label: string, onClick: () => void, secondary = false): HTMLElement {
	const b = document.createElement('vscode-button');
	b.textContent = label;
	if (secondary) b.setAttribute('secondary', '');
	b.addEventListener('click', onClick);
	return b;
}

export function select(name: string, multi = false): VscSelect {
	const s = document.createElement(multi ? 'vscode-multi-select' : 'vscode-single-select') as VscSelect;
	s.setAttribute('name', name);
	s.classList.add(`select-${name}`);
	if (!multi) s.setAttribute('position', 'below');
	return s;
}

/**
 * vscode-multi-select draws its count as "514 Selected" in English, with no property or slot to
 * change it. Its shadow root is open: an extra constructable stylesheet there hides that text and
 * shows ours (a CSS `content` string, so no inline style and no patching of the component).
 * Returns the function to call with the current count whenever the selection changes.
 */
export function localiseCount(sel: HTMLElement, text: (n: number) => string): (n: number) => void {
	const sheet = new CSSStyleSheet();
	const adopt = (tries: number) => {
		const root = sel.shadowRoot;
		if (root) {
			if (!root.adoptedStyleSheets.includes(sheet))
				root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
		} else if (tries > 0) {
			// The shadow root appears when the element is first connected.
			requestAnimationFrame(() => adopt(tries - 1));
		}
	};
	return (n) => {
		sheet.replaceSync(
			`.select-face-badge{font-size:0}.select-face-badge::after{content:${cssString(text(n))};font-size:11px}`,
		);
		adopt(120);
	};
}

/** A CSS string literal (quotes, backslashes and line breaks escaped). */
export function cssString(s: string): string {
	return `"${s.replace(/[\\"]/g, '\\$&').replace(/[\r\n]+/g, ' ')}"`;
}

export function option(value: string, label: string, selected = false): HTMLElement {
	const o = document.createElement('vscode-option');
	o.setAttribute('value', value);
	o.textContent = label;
	if (selected) o.setAttribute('selected', '');
	return o;
}

export function textfield(placeholder: string, value = ''): HTMLInputElement {
	const f = document.createElement('vscode-textfield') as unknown as HTMLInputElement;
	f.setAttribute('placeholder', placeholder);
	f.setAttribute('type', 'search');
	f.value = value;
	return f;
}

export function progressRing(): HTMLElement {
	return document.createElement('vscode-progress-ring');
}
