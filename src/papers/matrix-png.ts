/**
 * The position matrix as a picture for Slack and Discord: an SVG drawn here and rendered to PNG by resvg.
 * Every cell has a colour AND its symbol, so it reads in greyscale and for colour-blind readers; a cell with
 * several marks is split into stripes, one per mark. Text uses the DejaVu font shipped in node_modules
 * (dejavu-fonts-ttf), never the system's, so a slim container renders the same picture.
 */
import { createRequire } from "node:module";
import { Resvg } from "@resvg/resvg-js";
import type { Matrix, MatrixSymbol } from "../services/matrix.ts";

const require = createRequire(import.meta.url);
export const FONT_FILES = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"].map((f) => require.resolve(`dejavu-fonts-ttf/ttf/${f}`));
const FONT = "DejaVu Sans";

/** Background and ink per symbol (ColorBrewer PRGn/RdBu tones, distinct in greyscale too). */
export const PALETTE: Record<MatrixSymbol, { fill: string; ink: string }> = {
  "+": { fill: "#b8e186", ink: "#1b4d0e" },
  "−": { fill: "#f4a582", ink: "#67001f" },
  tcb: { fill: "#fee08b", ink: "#5c3d00" },
  R: { fill: "#c2a5cf", ink: "#2d004b" },
  O: { fill: "#b2182b", ink: "#ffffff" },
  C: { fill: "#92c5de", ink: "#053061" },
};

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

const LABEL_W = 130;
const CELL_W = 64;
const CELL_H = 44;
const PAD = 24;

export function matrixSvg(m: Matrix): string {
  const cols = m.columns;
  const gridW = LABEL_W + Math.max(cols.length, 1) * CELL_W;
  const width = Math.max(gridW + 2 * PAD, 760);
  const out: string[] = [];
  let y = PAD;
  const text = (x: number, yy: number, s: string, o: { size?: number; bold?: boolean; anchor?: string; fill?: string } = {}) =>
    out.push(`<text x="${x}" y="${yy}" font-family="${FONT}" font-size="${o.size ?? 14}"${o.bold ? ' font-weight="bold"' : ""} text-anchor="${o.anchor ?? "start"}" fill="${o.fill ?? "#111111"}">${esc(s)}</text>`);

  text(PAD, (y += 22), m.labels.title, { size: 22, bold: true });
  text(PAD, (y += 24), clip(m.title, Math.floor((width - 2 * PAD) / 8)), { size: 14, fill: "#333333" });
  y += 20;
  const top = y;
  // Header: paragraph label and state codes.
  out.push(`<rect x="${PAD}" y="${top}" width="${gridW}" height="${CELL_H}" fill="#eeeeee"/>`);
  text(PAD + 10, top + 28, m.labels.paragraph, { size: 15, bold: true });
  cols.forEach((c, i) => text(PAD + LABEL_W + i * CELL_W + CELL_W / 2, top + 28, c, { size: 16, bold: true, anchor: "middle" }));
  y = top + CELL_H;
  m.rows.forEach((r, ri) => {
    const ry = y + ri * CELL_H;
    if (ri % 2 === 1) out.push(`<rect x="${PAD}" y="${ry}" width="${gridW}" height="${CELL_H}" fill="#f7f7f7"/>`);
    text(PAD + 10, ry + 28, clip(r.ref, 14), { size: 16, bold: true });
    cols.forEach((c, ci) => {
      const marks = r.cells[c] ?? [];
      const x0 = PAD + LABEL_W + ci * CELL_W;
      const w = CELL_W / Math.max(marks.length, 1);
      marks.forEach((s, k) => {
        const x = x0 + k * w;
        out.push(`<rect x="${x + 2}" y="${ry + 3}" width="${w - 4}" height="${CELL_H - 6}" rx="4" fill="${PALETTE[s].fill}"/>`);
        text(x + w / 2, ry + 28, s, { size: s === "tcb" ? (marks.length > 1 ? 11 : 15) : 18, bold: true, anchor: "middle", fill: PALETTE[s].ink });
      });
    });
  });
  y += m.rows.length * CELL_H;
  // Grid lines over the fills.
  for (let i = 0; i <= m.rows.length + 1; i++) out.push(`<line x1="${PAD}" y1="${top + i * CELL_H}" x2="${PAD + gridW}" y2="${top + i * CELL_H}" stroke="#999999" stroke-width="1"/>`);
  for (let i = 0; i <= cols.length; i++) out.push(`<line x1="${PAD + LABEL_W + i * CELL_W}" y1="${top}" x2="${PAD + LABEL_W + i * CELL_W}" y2="${y}" stroke="#999999" stroke-width="1"/>`);
  out.push(`<line x1="${PAD}" y1="${top}" x2="${PAD}" y2="${y}" stroke="#999999" stroke-width="1"/>`);
  if (!m.rows.length) text(PAD + 10, (y += 28), m.labels.empty, { size: 15, fill: "#555555" });

  // Legend: swatch with its symbol, then the meaning; then what each column code stands for.
  y += 24;
  let x = PAD;
  for (const l of m.legend) {
    const wText = 14 + l.label.length * 8;
    if (x + 44 + wText > width - PAD) { x = PAD; y += 34; }
    out.push(`<rect x="${x}" y="${y}" width="36" height="26" rx="4" fill="${PALETTE[l.symbol].fill}"/>`);
    text(x + 18, y + 19, l.symbol, { size: l.symbol === "tcb" ? 13 : 16, bold: true, anchor: "middle", fill: PALETTE[l.symbol].ink });
    text(x + 44, y + 19, l.label, { size: 14 });
    x += 44 + wText;
  }
  y += 34;
  x = PAD;
  for (const c of cols) {
    const item = `${c} ${m.names[c] ?? c}`;
    const wText = 10 + item.length * 8;
    if (x + wText > width - PAD) { x = PAD; y += 22; }
    text(x, y + 16, c, { size: 13, bold: true });
    text(x + c.length * 10 + 8, y + 16, m.names[c] ?? c, { size: 13, fill: "#333333" });
    x += wText + 12;
  }
  const height = y + 22 + PAD;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><rect width="100%" height="100%" fill="#ffffff"/>${out.join("")}</svg>`;
}

/** Renders at twice the drawn size: sharp on a phone screen, where Slack and Discord scale it down to fit. */
export function matrixPng(m: Matrix, scale = 2): Buffer {
  const r = new Resvg(matrixSvg(m), {
    fitTo: { mode: "zoom", value: scale },
    font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: FONT },
    background: "#ffffff",
  });
  return Buffer.from(r.render().asPng());
}
