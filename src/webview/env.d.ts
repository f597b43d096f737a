/** CSS files are bundled as text (esbuild loader 'text') and adopted as constructable stylesheets. */
declare module '*.css' {
	const css: string;
	export default css;
}
