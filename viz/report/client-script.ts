/**
 * The report's only script, a constant: it never contains data, so its SHA-256 can sit in the
 * Content-Security-Policy and any other script (injected or not) is refused by the browser.
 * It (1) shows an oncoplot cell's data-* attributes in the tooltip div, via textContent only, and
 * (2) sorts tables by a clicked header, using each cell's data-v (numbers) or text.
 * ES5-level syntax on purpose: no build step, and it runs in any browser that opens the file.
 */
import { createHash } from 'node:crypto'

export const CLIENT_SCRIPT = `
(function () {
  'use strict';
  var tip = document.getElementById('bmk-tip');
  var FIELDS = [['sample', 'Sample'], ['feature', 'Gene'], ['classes', 'Alteration'], ['protein', 'Protein'], ['vaf', 'VAF'], ['origin', 'Origin']];
  function cellOf(node) {
    var el = node && node.closest ? node.closest('[data-sample]') : null;
    return el && el.closest('.bmk-oncoplot') ? el : null;
  }
  function place(ev) {
    var x = ev.clientX + 14, y = ev.clientY + 14;
    var w = tip.offsetWidth, h = tip.offsetHeight;
    if (x + w > window.innerWidth) x = Math.max(0, ev.clientX - w - 14);
    if (y + h > window.innerHeight) y = Math.max(0, ev.clientY - h - 14);
    tip.style.left = x + 'px';
    tip.style.top = y + 'px';
  }
  if (tip) {
    document.addEventListener('mouseover', function (ev) {
      var el = cellOf(ev.target);
      if (!el) { tip.hidden = true; return; }
      var lines = [];
      for (var i = 0; i < FIELDS.length; i++) {
        var v = el.getAttribute('data-' + FIELDS[i][0]);
        if (v) lines.push(FIELDS[i][1] + ': ' + v);
      }
      tip.textContent = lines.join('\\n');
      tip.hidden = false;
      place(ev);
    });
    document.addEventListener('mousemove', function (ev) { if (!tip.hidden && cellOf(ev.target)) place(ev); });
  }
  function key(row, col, num) {
    var cell = row.cells[col];
    if (!cell) return null;
    var v = cell.getAttribute('data-v');
    if (v === null) v = cell.textContent || '';
    if (!num) return v;
    var x = parseFloat(v);
    return isNaN(x) ? null : x;
  }
  function sortBy(table, th, col) {
    var num = th.getAttribute('data-type') === 'num';
    var dir = th.getAttribute('aria-sort') === 'ascending' ? -1 : 1;
    var heads = table.tHead.rows[0].cells;
    for (var i = 0; i < heads.length; i++) heads[i].removeAttribute('aria-sort');
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = key(a, col, num), y = key(b, col, num);
      if (x === null || y === null || x === y) {
        if (x === null && y !== null) return 1;
        if (y === null && x !== null) return -1;
        return Number(a.getAttribute('data-i')) - Number(b.getAttribute('data-i'));
      }
      if (num) return dir * (x - y);
      return dir * (x < y ? -1 : 1);
    });
    for (var j = 0; j < rows.length; j++) body.appendChild(rows[j]);
    th.setAttribute('aria-sort', dir === 1 ? 'ascending' : 'descending');
  }
  var tables = document.querySelectorAll('table.bmk-sortable');
  for (var t = 0; t < tables.length; t++) {
    (function (table) {
      var heads = table.tHead.rows[0].cells;
      for (var c = 0; c < heads.length; c++) {
        (function (th, col) {
          th.tabIndex = 0;
          th.addEventListener('click', function () { sortBy(table, th, col); });
          th.addEventListener('keydown', function (ev) { if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); sortBy(table, th, col); } });
        })(heads[c], c);
      }
    })(tables[t]);
  }
})();
`

/** CSP source for the script above: 'sha256-<base64>' of its exact text. */
export const CLIENT_SCRIPT_HASH = `sha256-${createHash('sha256').update(CLIENT_SCRIPT, 'utf8').digest('base64')}`
