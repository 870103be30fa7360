/**
 * The report's stylesheet: system fonts only (the CSP allows no font downloads), tables that fit
 * the page, figures that scale down, and a print view without the tooltip or sort affordances.
 */
export const REPORT_CSS = `
:root { --fg: #1d1d1f; --muted: #5f6368; --line: #d9d9de; --head: #f3f4f6; --accent: #1f4e79; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1280px; padding: 16px 24px 48px; color: var(--fg); background: #fff;
  font: 14px/1.45 "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 24px; margin: 8px 0 4px; }
h2 { font-size: 18px; margin: 32px 0 8px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
h3 { font-size: 15px; margin: 20px 0 6px; }
p.note, figcaption, .muted { color: var(--muted); font-size: 12.5px; }
.bmk-synthetic { margin: 8px 0 16px; padding: 10px 14px; border: 2px solid #b45309; background: #fef3c7; color: #78350f; font-weight: bold; }
nav.bmk-toc { font-size: 13px; margin: 4px 0 12px; }
nav.bmk-toc a { color: var(--accent); margin-right: 14px; }
table { border-collapse: collapse; font-size: 12.5px; margin: 6px 0 12px; }
th, td { border: 1px solid var(--line); padding: 3px 7px; text-align: left; vertical-align: top; }
th { background: var(--head); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.hash { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 11.5px; word-break: break-all; }
table.bmk-kv th { width: 16em; }
/* A wide or long table scrolls inside its own box (header kept in view); the page never widens. */
.bmk-wide { overflow: auto; max-width: 100%; max-height: 80vh; }
.bmk-wide th { position: sticky; top: 0; z-index: 1; }
section, figure { max-width: 100%; min-width: 0; }
#bmk-survival td.num { white-space: normal; min-width: 5em; }
/* anywhere-wrapping lets a 5,000-character name wrap, but also shrinks a cell's minimum width to one
   character, so squeezed tables grew tall rows: give name cells a floor. */
.bmk-name { min-width: 9em; max-width: 28em; overflow-wrap: anywhere; }
#bmk-assoc td { white-space: nowrap; }
#bmk-assoc td.bmk-name { white-space: normal; min-width: 7em; max-width: 16em; }
table.bmk-sortable th { cursor: pointer; user-select: none; }
table.bmk-sortable th[aria-sort="ascending"]::after { content: " \\25B2"; font-size: 9px; }
table.bmk-sortable th[aria-sort="descending"]::after { content: " \\25BC"; font-size: 9px; }
tr:nth-child(even) td { background: #fafafa; }
figure { margin: 8px 0 20px; }
figure svg { max-width: 100%; height: auto; }
.bmk-oncoplot { overflow-x: auto; }
.bmk-oncoplot svg { max-width: none; }
.bmk-km { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(560px, 100%), 1fr)); gap: 12px 24px; }
#bmk-tip { position: fixed; z-index: 10; pointer-events: none; white-space: pre; max-width: 480px; overflow: hidden;
  text-overflow: ellipsis; background: #111827; color: #f9fafb; font-size: 12px; padding: 6px 8px; border-radius: 4px; }
details summary { cursor: pointer; }
ul.bmk-warn { margin: 4px 0; padding-left: 18px; font-size: 12px; overflow-wrap: anywhere; }
@media print {
  body { max-width: none; padding: 0; font-size: 11px; }
  #bmk-tip, nav.bmk-toc { display: none; }
  .bmk-oncoplot, .bmk-wide { overflow: visible; max-height: none; }
  .bmk-wide th { position: static; }
  .bmk-oncoplot svg { max-width: 100%; }
  figure, tr { break-inside: avoid; }
  h2 { break-after: avoid; }
  table.bmk-sortable th::after { content: none !important; }
  details { display: block; }
}
`
