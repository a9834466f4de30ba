/**
 * `npm run proofread -- [--year Y] FILE... [--json]`
 *
 * Checks each UTF-8 text file (CRLF → LF) with src/checks against the corpus (scripts/checks-corpus.ts)
 * and prints the findings; with --json, one line: {"files":[{"file","chars","findings":[…]}]}.
 * This script owns argument parsing, file reading and printing only.
 */
import { readFileSync } from 'node:fs';
import { buildPhraseIndex } from '../src/phrases/build';
import { cleanText } from '../src/phrases/normalize';
import { createChecker } from '../src/checks/checker';
import { checkCorpus } from './checks-corpus';

function main(argv: string[]): number {
  let year = new Date().getFullYear();
  let json = false;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') json = true;
    else if (a === '--year') {
      year = Number(argv[++i]);
      if (!Number.isInteger(year) || year < 1949 || year > 2100) {
        console.error('错误：--year 后应为年份，如 --year 2026');
        return 2;
      }
    } else if (a.startsWith('--')) {
      console.error(`错误：未知参数 ${a}（用法：npm run proofread -- [--year 年份] 文件... [--json]）`);
      return 2;
    } else files.push(a);
  }
  if (files.length === 0) {
    console.error('用法：npm run proofread -- [--year 年份] 文件... [--json]');
    return 2;
  }
  const texts: { file: string; text: string }[] = [];
  for (const file of files) {
    let raw: Buffer;
    try {
      raw = readFileSync(file);
    } catch {
      console.error(`错误：无法读取文件 ${file}`);
      return 1;
    }
    const text = new TextDecoder('utf-8', { fatal: false }).decode(raw).replace(/^\uFEFF/, '');
    if (text.includes('\uFFFD')) {
      console.error(`错误：${file} 不是 UTF-8 编码的文本文件`);
      return 1;
    }
    texts.push({ file, text: cleanText(text) });
  }
  // A file that is itself in the corpus is checked without it: a draft is no evidence for itself.
  const inputs = new Set(texts.map((t) => t.text));
  const docs = checkCorpus().filter((d) => !inputs.has(cleanText(d.text)));
  const checker = createChecker(buildPhraseIndex(docs), docs);
  const results = texts.map(({ file, text }) => ({
    file,
    chars: text.length,
    findings: checker.check(text, { year }).map(({ kind, start, end, text: t, suggestion, message }) => ({ kind, start, end, text: t, suggestion, message })),
  }));
  if (json) {
    process.stdout.write(`${JSON.stringify({ files: results })}\n`);
    return 0;
  }
  for (const r of results) {
    console.log(`${r.file}（${r.chars} 字，参照年份 ${year}）：${r.findings.length} 处`);
    for (const f of r.findings) console.log(`  [${f.kind}] ${f.start}–${f.end} 「${f.text.length > 30 ? `${f.text.slice(0, 30)}…` : f.text}」 ${f.message}${f.suggestion !== null && f.kind !== '引文' ? ` → ${f.suggestion}` : ''}`);
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
