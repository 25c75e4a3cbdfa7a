const SVG_NS = 'http://www.w3.org/2000/svg';

/** A magnifier over a record, drawn with DOM calls (no markup strings). */
export function lookupIcon(): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const lens = document.createElementNS(SVG_NS, 'circle');
  lens.setAttribute('cx', '6.5');
  lens.setAttribute('cy', '6.5');
  lens.setAttribute('r', '4.5');
  const handle = document.createElementNS(SVG_NS, 'path');
  handle.setAttribute('d', 'M10 10l4.5 4.5');
  for (const part of [lens, handle]) {
    part.setAttribute('fill', 'none');
    part.setAttribute('stroke', 'currentColor');
    part.setAttribute('stroke-width', '2');
    part.setAttribute('stroke-linecap', 'round');
    svg.append(part);
  }
  return svg;
}
