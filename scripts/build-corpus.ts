/**
 * Regenerates corpus/ from ../shared/: the speeches pack from the raw seeds and the reports pack from
 * corpus-base. Run with `npm run corpus`. The output is committed, so the app and the tests never need
 * ../shared/; this script only makes that output reproducible.
 *
 * Seeds are raw: one file holds six speeches (one of them twice), some carry ##paidbegin## markers.
 * Wording is otherwise left untouched — placeholders such as XX or × stay, because writers see them too.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CORPUS_PACKS, type CorpusManifest, type CorpusManifestEntry } from '../src/corpus/manifest';

const ROOT = resolve(import.meta.dirname, '..');
const SHARED = resolve(ROOT, process.env.JIANGGAO_SHARED ?? '../shared');
const OUT = join(ROOT, 'corpus');

const SEED_PROVENANCE = '随项目提供的讲话稿原始样本（shared/seeds），去除 ##paidbegin##/##paidend## 标记，文字未改动';
const PAID_MARKER = /##paid(?:begin|end)##/g;

/** Titles for seeds whose text starts directly with 「同志们：」 and so carries no title line. */
const SEED_TITLES: Record<string, { title: string; year: number | null }> = {
  '000_2066e9ee8321f656.txt': { title: '贯彻落实党的二十大精神专题学习会上的讲话', year: null },
  '001_f27e55a85f78f891.txt': { title: '学习习近平总书记在省部级主要领导干部专题研讨班上重要讲话精神的讲话', year: null },
  '003_834cb135fa046c8c.txt': { title: '学习党的二十大精神心得体会讲话', year: null },
  '004_d1b81005b6d0d83d.txt': { title: '在全区学习贯彻党的十九大精神领导干部大会上的讲话', year: 2017 },
};
/** The collection file: a title, 「（6篇）」, then parts headed （一）…（六）. */
const COLLECTION_FILE = '002_0dcb52506dea78df.txt';
const COLLECTION_PART_HEADING = /^（[一二三四五六七八九十]+）$/;

interface Doc { id: string; pack: string; title: string; year: number | null; source: string; text: string; provenance: string }

function cleanText(raw: string): string {
  return raw.replace(/\r\n?/g, '\n').replace(PAID_MARKER, '').replace(/\n{3,}/g, '\n\n').trim() + '\n';
}

function splitCollection(raw: string): { heading: string; parts: { label: string; text: string }[] } {
  const lines = cleanText(raw).split('\n');
  const heading = lines[0].trim();
  const parts: { label: string; lines: string[] }[] = [];
  for (const line of lines.slice(1)) {
    const t = line.trim();
    if (COLLECTION_PART_HEADING.test(t)) parts.push({ label: t, lines: [] });
    else if (parts.length) parts[parts.length - 1].lines.push(line);
  }
  return { heading, parts: parts.map((p) => ({ label: p.label, text: cleanText(p.lines.join('\n')) })) };
}

function speechDocs(): Doc[] {
  const dir = join(SHARED, 'seeds');
  const docs: Doc[] = [];
  const seenBodies = new Map<string, string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
    const raw = readFileSync(join(dir, file), 'utf8');
    if (file === COLLECTION_FILE) {
      const { heading, parts } = splitCollection(raw);
      const year = Number(/(\d{4})年/.exec(heading)?.[1]) || null;
      parts.forEach((part, i) => {
        const digest = createHash('sha1').update(part.text.replace(/\s+/g, '')).digest('hex');
        const duplicateOf = seenBodies.get(digest);
        if (duplicateOf) {
          console.log(`跳过重复讲话：${file} ${part.label}（与 ${duplicateOf} 相同）`);
          return;
        }
        const id = `speech-${file.slice(0, 3)}-${i + 1}`;
        seenBodies.set(digest, id);
        docs.push({ id, pack: 'speeches', title: `${heading}${part.label}`, year, source: `${file}#${part.label}`, text: part.text,
          provenance: `${SEED_PROVENANCE}；原文件为 ${parts.length} 篇合集，按（一）（二）…拆分，重复的一篇只保留一次` });
      });
      continue;
    }
    const meta = SEED_TITLES[file] ?? { title: file.replace(/\.txt$/, ''), year: null };
    docs.push({ id: `speech-${file.slice(0, 3)}`, pack: 'speeches', title: meta.title, year: meta.year, source: file, text: cleanText(raw), provenance: SEED_PROVENANCE });
  }
  return docs;
}

function reportDocs(): Doc[] {
  const base = join(SHARED, 'corpus-base');
  const readme = readFileSync(join(base, 'README.md'), 'utf8');
  const source = /Source:([\s\S]*?)\n\n/.exec(readme)?.[1].replace(/\s+/g, ' ').trim() ?? '';
  const provenance = `公开的 2026 年省级政府工作报告（依《著作权法》第五条不适用著作权保护）。来源：${source}`;
  const dir = join(base, 'reports-2026');
  return readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((file) => {
    const text = cleanText(readFileSync(join(dir, file), 'utf8'));
    return { id: `report-${file.replace(/\.txt$/, '')}`, pack: 'reports-2026', title: text.split('\n')[0].trim(), year: 2026, source: file, text, provenance };
  });
}

function main() {
  const docs = [...speechDocs(), ...reportDocs()];
  for (const pack of CORPUS_PACKS) {
    rmSync(join(OUT, pack.id), { recursive: true, force: true });
    mkdirSync(join(OUT, pack.id), { recursive: true });
  }
  const entries: CorpusManifestEntry[] = docs.map((d) => {
    const path = `${d.pack}/${d.id}.txt`;
    writeFileSync(join(OUT, path), d.text);
    return { id: d.id, pack: d.pack, title: d.title, year: d.year, path, source: d.source, chars: [...d.text].length, provenance: d.provenance };
  });
  const manifest: CorpusManifest = { version: 1, packs: CORPUS_PACKS.map((p) => ({ ...p })), documents: entries };
  writeFileSync(join(OUT, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  for (const p of CORPUS_PACKS) {
    const inPack = entries.filter((e) => e.pack === p.id);
    console.log(`${p.name}：${inPack.length} 篇，${inPack.reduce((n, e) => n + e.chars, 0)} 字`);
  }
}

main();
