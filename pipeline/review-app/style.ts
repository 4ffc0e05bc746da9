/** The review pages' stylesheet: readable text, roles and source types told apart by colour and line. */
export const stylesheet = `
:root { --ink: #1d1d1f; --muted: #6b6b70; --line: #d9d9de; --claim: #c0392b; --low: #e67e22; --high: #8e1b10;
  --source: #1f5fa8; --cue: #6c3483; --content: #eef6ee; --anon: #b03a2e; --quantity: #fff3bf; --hedge: #e8e0f5; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.55 Georgia, "Times New Roman", serif; color: var(--ink); background: #fafafa; }
header, main { max-width: 1240px; margin: 0 auto; padding: 0 24px; }
header h1 { font-size: 1.6rem; margin: 0.6rem 0 0.2rem; }
header p, .meta, .keys, .path, form, table, fieldset { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; }
.path, .keys { color: var(--muted); font-size: 0.85rem; margin: 0.2rem 0; }
kbd { border: 1px solid var(--line); border-bottom-width: 2px; border-radius: 3px; padding: 0 4px; font-size: 0.8rem; background: #fff; }
.alert:empty { display: none; }
.alert { position: sticky; top: 0; z-index: 2; margin: 8px 0; padding: 8px 12px; border-radius: 4px; font: 0.9rem system-ui, sans-serif; }
.alert.ok { background: #e7f5e9; border: 1px solid #9ccc9f; }
.alert.error { background: #fdecea; border: 1px solid #e6a19a; }
.paragraph { margin: 0 0 18px; padding-top: 4px; border-top: 1px dashed #ececf0; }
.sentence { display: grid; grid-template-columns: minmax(0, 1fr); gap: 16px; padding: 6px 10px; border-left: 4px solid transparent; margin: 2px 0; }
body[data-mode=app] .sentence.kind-body { grid-template-columns: minmax(0, 3fr) minmax(300px, 2fr); }
.sentence.claim-low { border-left-color: #f5cba7; }
.sentence.claim-claim { border-left-color: var(--low); }
.sentence.claim-high { border-left-color: var(--claim); }
.sentence.current, .sentence:focus { outline: 2px solid #5b8def; outline-offset: 2px; background: #fff; }
.sentence.kind-furniture, .sentence.kind-heading, .sentence.kind-dateline { opacity: 0.55; }
.sentence.kind-furniture .text { font-size: 0.9rem; }
.sentence.needs-recheck { background: #fff8e6; }
.text { margin: 0; font-size: 1.08rem; }
.meta { margin: 2px 0 0; font-size: 0.78rem; color: var(--muted); }
.meta .score { font-weight: 600; color: var(--ink); }
.flag { color: var(--anon); }
.flag.no-basis { font-weight: 600; }
.content { background: var(--content); }
.cue { color: var(--cue); font-weight: 600; border-bottom: 2px solid var(--cue); }
.source { color: var(--source); border-bottom: 2px solid var(--source); }
.source.type-named-organisation { color: #117a65; border-color: #117a65; }
.source.type-unnamed-person, .source.type-unnamed-group { color: var(--anon); border-bottom-style: dotted; border-color: var(--anon); }
.source.type-document { color: #7d6608; border-color: #7d6608; }
.source.type-pronoun { color: #5d6d7e; border-color: #5d6d7e; }
.source.no-basis::after { content: " ⚑"; color: var(--anon); }
.basis { font-style: italic; }
[data-rejected=true] { text-decoration: line-through; text-decoration-color: #999; }
mark.quantity { background: var(--quantity); padding: 0 1px; }
mark.hedge { background: var(--hedge); }
.verdict { font: 600 0.85rem system-ui, sans-serif; margin: 2px 0 0; }
form.review { font-size: 0.82rem; display: grid; gap: 4px; align-content: start; background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 6px 8px; }
form.review label { display: grid; gap: 2px; }
form.review .row { display: flex; gap: 8px; align-items: center; }
form.review label.status { display: flex; gap: 6px; align-items: center; }
form.review label.status select { width: auto; }
form.review label.note { grid-template-columns: auto 1fr; align-items: start; gap: 6px; }
form.review summary { color: var(--muted); cursor: pointer; }
form.review label.reject, form.review label.recheck { display: block; }
form.review textarea, form.review input:not([type=checkbox]), form.review select { font: inherit; width: 100%; padding: 3px 5px; border: 1px solid var(--line); border-radius: 3px; }
form.review fieldset { border: 1px solid var(--line); border-radius: 4px; margin: 4px 0; padding: 4px 6px; display: grid; grid-template-columns: 1fr auto; gap: 4px; align-items: end; }
form.review fieldset legend { font-weight: 600; }
form.review fieldset label:last-child { grid-column: 1 / -1; }
form.review button { font: inherit; padding: 3px 10px; }
form.review button[type=submit] { background: #1f5fa8; color: #fff; border: 0; border-radius: 4px; padding: 5px 16px; }
.signed { color: var(--muted); }
.filters { border: 0; display: flex; flex-wrap: wrap; gap: 14px; padding: 8px 0; font-size: 0.9rem; }
table.articles { border-collapse: collapse; width: 100%; background: #fff; font-size: 0.9rem; }
table.articles th, table.articles td { border-bottom: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; }
table.articles td.number { text-align: right; font-variant-numeric: tabular-nums; }
table.articles td.zero { color: #b0b0b5; }
table.articles small { color: var(--muted); }
.obsolete { border-top: 2px solid var(--line); margin-top: 24px; font-size: 0.9rem; }
`
