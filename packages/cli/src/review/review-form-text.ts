import type { Lang } from '@anjian/core';
import type { ReviewForm, ReviewQuestion } from './review-form.js';

const md = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/([\\`*_[\]|#])/g, '\\$1');
const html = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Brackets, colon and list separator of a language. */
function punct(lang: Lang) {
  const zh = lang === 'zh-CN';
  return { paren: (t: string) => (zh ? `（${t}）` : ` (${t})`), colon: zh ? '：' : ': ', sep: zh ? '；' : '; ', gap: zh ? '\u3000' : '   ' };
}

function notes(q: ReviewQuestion, lang: Lang): string[] {
  const zh = lang === 'zh-CN';
  const out: string[] = [];
  if (q.required) out.push(zh ? '必答' : 'required');
  if (q.askedWhen) out.push(zh ? `仅当 ${q.askedWhen} 时询问` : `asked only when ${q.askedWhen}`);
  return out;
}

/** The review form as Markdown: one heading per section, numbered questions with boxes to tick. */
export function reviewFormMarkdown(form: ReviewForm, lang: Lang): string {
  const zh = lang === 'zh-CN';
  const p = punct(lang);
  const out = [`# ${md(form.title)}`, '', `${zh ? '检查表' : 'Pack'}${p.colon}${md(form.pack)}${p.gap}${zh ? '场所类型' : 'Premises'}${p.colon}${md(form.premises)}`, ''];
  let n = 0;
  for (const section of form.sections) {
    out.push(`## ${md(section.title)}`, '');
    for (const q of section.questions) {
      const extra = notes(q, lang);
      out.push(`${++n}. **${md(q.label)}**${extra.length > 0 ? p.paren(md(extra.join(p.sep))) : ''}`);
      if (q.hint) out.push(`   ${zh ? '提示' : 'Hint'}${p.colon}${md(q.hint)}`);
      out.push(
        q.choices.length > 0
          ? `   ${q.choices.map((c) => `☐ ${md(c)}`).join(p.gap)}${q.multiple ? p.paren(zh ? '可多选' : 'tick all that apply') : ''}`
          : `   ${md(q.answer)}${p.colon}${zh ? '＿＿＿＿＿＿' : '______'}`,
      );
      out.push('');
    }
  }
  if (form.notAsked > 0) out.push(zh ? `（另有 ${form.notAsked} 个问题不向此类场所询问。）` : `(${form.notAsked} more questions are not asked of this premises kind.)`, '');
  return out.join('\n');
}

/** The review form as one self-contained HTML page (no scripts, every text escaped), for printing. */
export function reviewFormHtml(form: ReviewForm, lang: Lang): string {
  const zh = lang === 'zh-CN';
  const p = punct(lang);
  const body: string[] = [];
  for (const section of form.sections) {
    body.push(`<h2>${html(section.title)}</h2>`, '<ol>');
    for (const q of section.questions) {
      const extra = notes(q, lang);
      const answer =
        q.choices.length > 0
          ? q.choices.map((c) => `<span class="box">☐ ${html(c)}</span>`).join(' ') + (q.multiple ? ` <small>${p.paren(zh ? '可多选' : 'tick all that apply')}</small>` : '')
          : `${html(q.answer)}${p.colon}<span class="line"></span>`;
      body.push(
        `<li><strong>${html(q.label)}</strong>${extra.length > 0 ? ` <small>${p.paren(html(extra.join(p.sep)))}</small>` : ''}` +
          (q.hint ? `<div class="hint">${zh ? '提示' : 'Hint'}${p.colon}${html(q.hint)}</div>` : '') +
          `<div>${answer}</div></li>`,
      );
    }
    body.push('</ol>');
  }
  if (form.notAsked > 0) body.push(`<p><small>${zh ? `另有 ${form.notAsked} 个问题不向此类场所询问。` : `${form.notAsked} more questions are not asked of this premises kind.`}</small></p>`);
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<title>${html(form.title)}</title>
<style>body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;max-width:50em;margin:2em auto;line-height:1.6}li{margin:.8em 0}.hint{color:#555}.box{margin-right:1.5em}.line{display:inline-block;width:12em;border-bottom:1px solid #000}</style>
</head>
<body>
<h1>${html(form.title)}</h1>
<p>${zh ? '检查表' : 'Pack'}${p.colon}${html(form.pack)}${p.gap}${zh ? '场所类型' : 'Premises'}${p.colon}${html(form.premises)}</p>
${body.join('\n')}
</body>
</html>
`;
}
