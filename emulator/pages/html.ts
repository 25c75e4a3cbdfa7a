/** Markup that is already safe; anything else interpolated into `html` is escaped. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);
}

function render(value: unknown): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

/** Tagged template that escapes every interpolation unless it is SafeHtml (or an array of it). */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

/** JSON for an inline `<script type="application/json">`: no `<` can close the element. */
export function jsonForScript(value: unknown): SafeHtml {
  return new SafeHtml(JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029'));
}

export function documentPage(title: string, body: SafeHtml, extraCss: SafeHtml = html``): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 0; color: #1d2733; background: #f5f7fa; }
  header.app { background: #0b2540; color: #fff; padding: 12px 24px; font-weight: 600; }
  main { padding: 24px; max-width: 1100px; }
  table { border-collapse: collapse; background: #fff; width: 100%; margin: 12px 0 24px; }
  th, td { border: 1px solid #d9dee5; padding: 6px 10px; text-align: left; font-size: 14px; vertical-align: top; }
  th { background: #eef1f5; }
  .notice { padding: 10px 14px; border-radius: 4px; margin: 12px 0; }
  .notice.success { background: #e4f6ea; border: 1px solid #7cc494; }
  .notice.error { background: #fdeaea; border: 1px solid #e08c8c; }
  label { display: block; font-weight: 600; margin: 12px 0 4px; }
  fieldset { border: 1px solid #d9dee5; max-width: 640px; margin: 12px 0; }
  legend { font-weight: 600; }
  label.choice { font-weight: normal; margin: 4px 0; }
  .hint { color: #4a5866; font-size: 13px; }
  input[type=text], textarea { width: 100%; max-width: 640px; font: inherit; padding: 6px; box-sizing: border-box; }
  textarea { font-family: ui-monospace, monospace; font-size: 12px; }
  button { font: inherit; padding: 6px 14px; cursor: pointer; }
  code { font-size: 12px; }
${extraCss}
</style>
</head>
<body>
${body}
</body>
</html>`.value;
}
