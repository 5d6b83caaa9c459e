/**
 * The one stylesheet of the checkout window, the demo shop and the console, served as a file
 * (`/assets/ui.css`) because the pages' CSP allows no inline styles. Mobile first; the timeline's
 * SVG classes are at the end.
 */
export const UI_CSS = `
:root{--fg:#0f172a;--muted:#475569;--line:#e2e8f0;--bg:#f8fafc;--card:#fff;--brand:#1d4ed8;--brand-ink:#fff;
--ok:#15803d;--ok-bg:#dcfce7;--warn:#b45309;--warn-bg:#fef3c7;--bad:#b91c1c;--bad-bg:#fee2e2;--info-bg:#dbeafe;--pg:#7c3aed;
--radius:10px;font-family:system-ui,-apple-system,"Apple SD Gothic Neo","Malgun Gothic","Noto Sans KR","Noto Sans CJK KR",sans-serif}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font-size:15px;line-height:1.5}
a{color:var(--brand)}
h1{font-size:1.35rem;margin:0 0 .75rem}h2{font-size:1.1rem;margin:1.5rem 0 .6rem}h3{font-size:1rem;margin:1rem 0 .4rem}
:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem 1rem;z-index:10}.skip:focus{left:.5rem}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.muted{color:var(--muted)}.small{font-size:.85rem}.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.85em;word-break:break-all}
.card{background:var(--card);border:1px solid var(--line);border-radius:var(--radius);padding:1rem}
.card>h2:first-child,.card>h3:first-child{margin-top:0}
.stack>*+*{margin-top:.75rem}
.row{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}
.grid2{display:grid;gap:1rem}@media(min-width:860px){.grid2{grid-template-columns:1fr 1fr}}
label{display:block;font-weight:600;margin-bottom:.25rem}
input,select,textarea{font:inherit;width:100%;padding:.55rem .6rem;border:1px solid #94a3b8;border-radius:8px;background:#fff;color:var(--fg)}
input[type=checkbox],input[type=radio]{width:auto}
fieldset{border:1px solid var(--line);border-radius:8px;padding:.75rem}legend{font-weight:600;padding:0 .25rem}
.choice{display:flex;gap:.5rem;align-items:flex-start;font-weight:400;padding:.35rem 0}
button,.btn{font:inherit;display:inline-block;border:1px solid var(--brand);background:var(--brand);color:var(--brand-ink);border-radius:8px;padding:.55rem 1rem;cursor:pointer;text-decoration:none;min-height:44px}
button.secondary,.btn.secondary{background:#fff;color:var(--brand)}
button.danger{background:var(--bad);border-color:var(--bad)}
button.link{background:none;border:0;color:var(--brand);padding:0;min-height:0;text-decoration:underline}
.badge{display:inline-block;border-radius:999px;padding:.05rem .55rem;font-size:.8rem;font-weight:600;background:#e2e8f0;color:#334155;white-space:nowrap}
.badge.ok{background:var(--ok-bg);color:var(--ok)}.badge.warn{background:var(--warn-bg);color:var(--warn)}.badge.bad{background:var(--bad-bg);color:var(--bad)}.badge.info{background:var(--info-bg);color:var(--brand)}.badge.test{background:#fde68a;color:#78350f}
.notice{border-left:4px solid var(--brand);background:var(--info-bg);padding:.6rem .8rem;border-radius:6px}
.notice.warn{border-color:var(--warn);background:var(--warn-bg)}.notice.bad{border-color:var(--bad);background:var(--bad-bg)}.notice.ok{border-color:var(--ok);background:var(--ok-bg)}
.notice>h1:first-child,.notice>h2:first-child{margin-top:0}
.notes{margin:.25rem 0 0;padding-left:1.1rem}.notes li+li{margin-top:.2rem}
table{border-collapse:collapse;width:100%;background:#fff}
caption{text-align:left;font-weight:600;padding:.4rem 0}
th,td{border-bottom:1px solid var(--line);padding:.5rem .6rem;text-align:left;vertical-align:top}
th{font-size:.85rem;color:var(--muted);font-weight:600;background:#f1f5f9}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch}
.scroll>table{min-width:640px}
dl.kv{display:grid;grid-template-columns:max-content 1fr;gap:.3rem .9rem;margin:0}dl.kv dt{color:var(--muted)}dl.kv dd{margin:0;word-break:break-word}

/* checkout window */
.pg-window{max-width:480px;margin:0 auto;min-height:100vh;background:#fff;display:flex;flex-direction:column}
.pg-head{background:#1e293b;color:#fff;padding:.8rem 1rem}
.pg-head .pg-name{font-size:1.1rem;font-weight:700}
.pg-head .muted{color:#cbd5e1}
.pg-body{padding:1rem;flex:1}
.pg-amount{font-size:1.6rem;font-weight:700;font-variant-numeric:tabular-nums}
.pg-actions{display:grid;grid-template-columns:1fr 2fr;gap:.5rem;padding:1rem;border-top:1px solid var(--line);position:sticky;bottom:0;background:#fff}
.pg-actions button{width:100%}
.expiry{display:grid;grid-template-columns:1fr 1fr;gap:.5rem}

/* demo shop */
.shop{max-width:720px;margin:0 auto;padding:1rem}
pre.out{background:#0f172a;color:#e2e8f0;padding:.75rem;border-radius:8px;overflow:auto;font-size:.85rem;white-space:pre-wrap}

/* console */
.c-head{background:#0f172a;color:#fff}
.c-head .inner{max-width:1200px;margin:0 auto;padding:.6rem 1rem;display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;justify-content:space-between}
.c-head a{color:#fff}.c-head .brand{font-weight:700;text-decoration:none}
.c-head nav ul{list-style:none;display:flex;flex-wrap:wrap;gap:.25rem;margin:0;padding:0}
.c-head nav a{display:block;padding:.45rem .7rem;border-radius:6px;text-decoration:none}
.c-head nav a[aria-current=page]{background:#1e3a8a}
.c-head .meta{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;font-size:.85rem;color:#cbd5e1}
.c-head .meta a,.c-head .meta button.link{color:#fff}
main.c-main{max-width:1200px;margin:0 auto;padding:1rem}
.filters{display:grid;gap:.5rem;grid-template-columns:1fr 1fr}@media(min-width:860px){.filters{grid-template-columns:2fr 1fr 1fr 1fr auto}}
.filters .actions{display:flex;align-items:flex-end}
.views{display:grid;gap:1rem}@media(min-width:860px){.views{grid-template-columns:1fr 1fr}}
.view-portone{border-top:4px solid var(--brand)}.view-pg{border-top:4px solid var(--pg)}
.actions-grid{display:grid;gap:1rem}@media(min-width:860px){.actions-grid{grid-template-columns:repeat(3,1fr)}}
.login{max-width:420px;margin:3rem auto}
.pager{display:flex;gap:.5rem;justify-content:space-between;align-items:center;margin-top:.75rem}

/* timeline picture */
figure{margin:0}
.timeline{overflow-x:auto;background:#fff;border:1px solid var(--line);border-radius:var(--radius);padding:.5rem}
.timeline svg{display:block;min-width:680px;width:100%;height:auto;font-family:inherit}
.tl-lane{fill:#f8fafc;stroke:#e2e8f0}
.tl-lane-title{font-size:13px;font-weight:700;fill:#0f172a}
.tl-lane-sub{font-size:11px;fill:#64748b}
.tl-axis{stroke:#94a3b8}.tl-tick{stroke:#cbd5e1}.tl-tick-label{font-size:11px;fill:#475569}
.tl-break{stroke:#94a3b8;fill:none}
.tl-seg{stroke:none}
.tl-seg-ready{fill:#cbd5e1}.tl-seg-paid{fill:#22c55e}.tl-seg-va{fill:#60a5fa}.tl-seg-partial{fill:#86efac}.tl-seg-cancelled{fill:#64748b}.tl-seg-failed{fill:#f87171}
.tl-seg-held{fill:#f59e0b}.tl-seg-approved{fill:#a78bfa}.tl-seg-voided{fill:#ef4444}.tl-seg-refunded{fill:#64748b}.tl-seg-awaiting{fill:#93c5fd}.tl-seg-deposit{fill:#0ea5e9}
.tl-seg-label{font-size:11px;font-weight:600;fill:#0f172a}
.tl-seg-projected{opacity:.3;stroke:#475569;stroke-dasharray:4 3;stroke-width:1}.tl-seg-label-projected{fill:#475569;font-weight:400}
.tl-leader{stroke:#cbd5e1}
.tl-label,.tl-pending-label,.tl-label-time,.tl-diverge-label,.tl-now-label,.tl-tick-label{paint-order:stroke;stroke:#f8fafc;stroke-width:3px;stroke-linejoin:round}
.tl-mk{stroke:#0f172a;stroke-width:1.5;fill:#fff}
.tl-mk-ok{fill:#22c55e}.tl-mk-bad{fill:#ef4444}.tl-mk-pg{fill:#a78bfa}.tl-mk-info{fill:#60a5fa}
.tl-mk-pending{fill:#fff;stroke-dasharray:3 2}
.tl-label{font-size:11px;fill:#0f172a}.tl-label-time{font-size:10px;fill:#64748b}
.tl-pending-line{stroke:#7c3aed;stroke-width:1.5;stroke-dasharray:6 4}
.tl-pending-label{font-size:11px;fill:#6d28d9;font-weight:600}
.tl-now{stroke:#0f172a;stroke-width:1.5}.tl-now-label{font-size:11px;font-weight:700;fill:#0f172a}
.tl-diverge{fill:url(#tl-hatch);stroke:#dc2626;stroke-width:1}
.tl-diverge-label{font-size:11px;font-weight:700;fill:#b91c1c}
.tl-hatch-line{stroke:#fca5a5;stroke-width:3}
.tl-legend{display:flex;flex-wrap:wrap;gap:.35rem 1rem;font-size:.8rem;color:var(--muted);margin:.5rem 0 0;padding:0;list-style:none}
.tl-legend .sw{display:inline-block;width:.9rem;height:.6rem;border-radius:2px;margin-right:.3rem;vertical-align:middle}
.sw-paid{background:#22c55e}.sw-held{background:#f59e0b}.sw-approved{background:#a78bfa}.sw-voided{background:#ef4444}.sw-va{background:#60a5fa}.sw-cancelled{background:#64748b}.sw-pending{border:2px dashed #7c3aed;height:.7rem}
ol.events{margin:.5rem 0 0;padding-left:1.2rem}ol.events li{margin:.15rem 0}
`;
