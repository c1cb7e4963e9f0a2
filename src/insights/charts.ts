/**
 * Small server-side SVG charts for the insights page. Hand-written rather than a chart library: two
 * chart shapes, no client script, and every label escaped here (a library would add ~MBs for this).
 */

/** Escapes text for HTML and SVG content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** One bar: a label, a value in [0, max] (or hidden), and the text shown at its end. */
export interface Bar {
  label: string;
  value: number | undefined;
  display: string;
}

/**
 * Horizontal bars, one row each, scaled to `max`. A hidden value (a count too small to show) draws an
 * empty outlined bar with its text, so the row is there but tells nothing about a person.
 */
export function horizontalBars(title: string, bars: readonly Bar[], max: number): string {
  // Label above its bar, not beside it: long theme names must fit a 360 px phone column.
  const rowH = 48;
  const width = 420;
  const barW = width - 120;
  const height = bars.length * rowH + 4;
  const rows = bars
    .map((b, i) => {
      const y = i * rowH;
      const w = b.value === undefined || max <= 0 ? 0 : Math.max(2, (b.value / max) * barW);
      const bar =
        b.value === undefined
          ? `<rect class="bar hidden" x="0" y="${y + 24}" width="${barW / 4}" height="18" rx="3" fill="none" stroke="#8a8f98" stroke-dasharray="4 3"/>`
          : `<rect class="bar" x="0" y="${y + 24}" width="${w.toFixed(1)}" height="18" rx="3" fill="#2f6f8f"/>`;
      const textX = (b.value === undefined ? barW / 4 : w) + 8;
      return `<g><text x="0" y="${y + 17}" class="label">${escapeHtml(b.label)}</text>${bar}<text x="${textX.toFixed(1)}" y="${y + 39}" class="value">${escapeHtml(b.display)}</text></g>`;
    })
    .join('');
  return `<svg class="chart" role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${width} ${height}" width="100%" preserveAspectRatio="xMinYMin meet"><title>${escapeHtml(title)}</title>${rows}</svg>`;
}

/** One column group: a short label and up to two series values (posts, replies). */
export interface Column {
  label: string;
  posts: number;
  replies: number | undefined;
}

/** Week-by-week columns: posts (light) and replies (dark), replies hidden when too few to show. */
export function weeklyColumns(title: string, columns: readonly Column[]): string {
  const width = 420;
  const height = 180;
  const top = 10;
  const bottom = 36;
  const plotH = height - top - bottom;
  const max = Math.max(1, ...columns.map((c) => Math.max(c.posts, c.replies ?? 0)));
  const slot = width / Math.max(1, columns.length);
  const colW = Math.max(3, slot / 2 - 3);
  const parts = columns.map((c, i) => {
    const x = i * slot + 2;
    const ph = (c.posts / max) * plotH;
    const rh = c.replies === undefined ? 0 : (c.replies / max) * plotH;
    const posts = `<rect class="col posts" x="${x.toFixed(1)}" y="${(top + plotH - ph).toFixed(1)}" width="${colW.toFixed(1)}" height="${ph.toFixed(1)}" fill="#b9d3e0"/>`;
    const replies =
      c.replies === undefined
        ? `<rect class="col replies hidden" x="${(x + colW + 1).toFixed(1)}" y="${top + plotH - 4}" width="${colW.toFixed(1)}" height="4" fill="none" stroke="#8a8f98" stroke-dasharray="2 2"/>`
        : `<rect class="col replies" x="${(x + colW + 1).toFixed(1)}" y="${(top + plotH - rh).toFixed(1)}" width="${colW.toFixed(1)}" height="${rh.toFixed(1)}" fill="#2f6f8f"/>`;
    // Label every other week on narrow screens: 12 labels do not fit a phone.
    const label = i % 2 === 0 ? `<text x="${(x + colW).toFixed(1)}" y="${height - 18}" text-anchor="middle" class="tick">${escapeHtml(c.label)}</text>` : '';
    return posts + replies + label;
  });
  const axis = `<line x1="0" y1="${top + plotH}" x2="${width}" y2="${top + plotH}" stroke="#6b7280"/>`;
  const legend = `<g class="legend"><rect x="0" y="${height - 10}" width="10" height="8" fill="#b9d3e0"/><text x="14" y="${height - 2}" class="tick">prompts posted</text><rect x="120" y="${height - 10}" width="10" height="8" fill="#2f6f8f"/><text x="134" y="${height - 2}" class="tick">replies</text></g>`;
  return `<svg class="chart" role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${width} ${height}" width="100%" preserveAspectRatio="xMinYMin meet"><title>${escapeHtml(title)}</title>${parts.join('')}${axis}${legend}</svg>`;
}
