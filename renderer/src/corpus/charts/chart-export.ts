/**
 * Turning a drawn chart into files: the SVG as it is on screen with the
 * theme's colours written in (the page's CSS variables do not travel with
 * the file), and a PNG drawn from that SVG on a canvas. Nothing is fetched:
 * the SVG is loaded into an image from a `data:` address, which the page's
 * Content-Security-Policy allows for images.
 */

/** The colours of `var(--name)` in `text`, as the page's theme has them now (nested variables resolved). */
export function resolveThemeVariables(text: string, root: Element = document.documentElement): string {
  const style = getComputedStyle(root);
  let out = text;
  for (let depth = 0; depth < 4 && out.includes('var(--'); depth++) {
    out = out.replace(/var\((--[a-z0-9-]+)\)/gi, (_, name: string) => style.getPropertyValue(name).trim() || 'currentColor');
  }
  return out;
}

/**
 * The SVG file of a drawn chart: a copy with its size, the XML namespace, a
 * background of the theme's colour and the theme's colours written in.
 * Elements marked `data-export="skip"` (focus rings, tooltips) are left out.
 */
export function chartSvgText(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const box = svg.getBoundingClientRect();
  const width = Number(svg.getAttribute('width')) || Math.ceil(box.width);
  const height = Number(svg.getAttribute('height')) || Math.ceil(box.height);
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  copy.setAttribute('font-family', 'system-ui, sans-serif');
  copy.removeAttribute('tabindex');
  copy.removeAttribute('class');
  for (const el of copy.querySelectorAll('[data-export="skip"]')) el.remove();
  for (const el of copy.querySelectorAll('[tabindex]')) el.removeAttribute('tabindex');
  const background = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('style', 'fill: var(--bg)');
  copy.insertBefore(background, copy.firstChild);
  const text = new XMLSerializer().serializeToString(copy);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${resolveThemeVariables(text)}\n`;
}

/** A PNG of an SVG file's text, drawn at `scale` × its size, as base64 (without the `data:` prefix). */
export async function svgToPngBase64(svgText: string, scale = 2): Promise<string> {
  const image = new Image();
  const loaded = new Promise<void>((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = () => reject(new Error('the chart could not be drawn as an image'));
  });
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`;
  await loaded;
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(image.naturalWidth * scale));
  canvas.height = Math.max(1, Math.round(image.naturalHeight * scale));
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no canvas to draw the chart on');
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return canvas.toDataURL('image/png').replace(/^data:image\/png;base64,/, '');
}
