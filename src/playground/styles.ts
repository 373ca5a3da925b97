// CSS for the playground's parts is imported as strings (`?inline`) and added to the page only when
// a playground mounts, so pages without one never load it (Astro would otherwise attach CSS that a
// script imports to every page the route renders).

export function injectStyle(id: string, css: string): void {
  if (document.head.querySelector(`style[data-playground-style="${id}"]`)) return;
  const style = document.createElement('style');
  style.dataset.playgroundStyle = id;
  style.textContent = css;
  document.head.append(style);
}
