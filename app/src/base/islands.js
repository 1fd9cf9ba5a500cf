// Soirée's islands loader (see app/src/base/islands.rs). The page is whole
// as the server sent it; only its islands (<leptos-island>) need the WASM.
// A page without islands loads none. Otherwise the JS glue, the WASM and
// the page's translations are fetched side by side, `hydrate` takes the
// translations, and each island hydrates in document order. The end-to-end
// tests wait for body[data-hydrated] before they act.
(async (js, wasm) => {
	// A print button needs no WASM: it is hidden until this script runs.
	for (const button of document.querySelectorAll("button[data-print]")) {
		button.addEventListener("click", () => window.print());
		button.hidden = false;
	}
	const islands = [...document.querySelectorAll("leptos-island")]
		.filter((el) => !el.parentElement.closest("leptos-island"));
	if (islands.length > 0) {
		const compiled = fetch(wasm);
		const words = document.querySelector("meta[name=soiree-l10n]").content;
		const translations = fetch(words).then((r) => {
			if (!r.ok) throw new Error(`${words}: ${r.status}`);
			return r.text();
		});
		const mod = await import(js);
		await mod.default({ module_or_path: compiled });
		mod.hydrate(await translations);
		for (const el of islands) {
			const island = mod[el.dataset.component];
			if (!island) {
				throw new Error(`no WASM function for the island ${el.dataset.component}`);
			}
			await island(el);
		}
	}
	document.body.dataset.hydrated = "true";
})
