/**
 * Regenerates corpus/ from ../shared/: the speeches pack from the raw seeds and five packs of public
 * documents from corpus-base (see its README). Run with `npm run corpus`. The output is committed, so the
 * app and the tests never need ../shared/; this script only makes that output reproducible.
 *
 * Seeds are raw: one file holds six speeches (one of them twice), some carry ##paidbegin## markers.
 * Wording is otherwise left untouched — placeholders such as XX or × stay, because writers see them too.
 * Every document gets a year: corpus-base's from its sources.json, the seeds' from their own text.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  CORPUS_PACKS, parseCorpusManifest, summarisePack, yearRangeText,
  type CorpusManifest, type CorpusManifestEntry, type CorpusPackDefinition, type CorpusProvenance,
} from '../src/corpus/manifest';

const ROOT = resolve(import.meta.dirname, '..');
const SHARED = resolve(ROOT, process.env.JIANGGAO_SHARED ?? '../shared');
const BASE = join(SHARED, 'corpus-base');
const OUT = join(ROOT, 'corpus');

const SEED_NOTE = '随项目提供的讲话稿原始样本（shared/seeds），去除 ##paidbegin##/##paidend## 标记，文字未改动';
const PUBLIC_NOTE = '公开的国家机关、党的中央机关文件，依《著作权法》第五条不适用著作权保护；只去除了页面附属内容，文字未改动（见 shared/corpus-base/README.md）';
const PAID_MARKER = /##paid(?:begin|end)##/g;

/**
 * Seeds whose text starts directly with 「同志们：」 carry no title line; their title is given here, and
 * their year with the passages of the text that date it (the script checks each passage is there).
 */
const SEED_META: Record<string, { title: string; year: number; evidence: string[]; reason: string }> = {
  '000_2066e9ee8321f656.txt': {
    title: '贯彻落实党的二十大精神专题学习会上的讲话', year: 2022,
    evidence: ['刚才，我们认真学习了习近平总书记向大会作的报告', '2012年至2022年', '研究谋划明年'],
    reason: '党的二十大（2022年10月）刚闭幕时的学习会，文中回顾「2012年至2022年」并「研究谋划明年」的工作',
  },
  '001_f27e55a85f78f891.txt': {
    title: '学习习近平总书记在省部级主要领导干部专题研讨班上重要讲话精神的讲话', year: 2022,
    evidence: ['迎接党的二十大', '2022年教师及事业单位招聘'],
    reason: '「迎接党的二十大」专题研讨班（2022年7月）后、二十大召开前的讲话，文中部署「2022年教师及事业单位招聘」',
  },
  '003_834cb135fa046c8c.txt': {
    title: '学习党的二十大精神心得体会讲话', year: 2022,
    evidence: ['党的二十大，是我们党迈上全面建设社会主义现代化国家新征程', '研究谋划明年'],
    reason: '党的二十大（2022年10月）后当年的学习讲话，文中「研究谋划明年乃至今后一个时期的工作」',
  },
  '004_d1b81005b6d0d83d.txt': {
    title: '在全区学习贯彻党的十九大精神领导干部大会上的讲话', year: 2017,
    evidence: ['（2017年X月X日）'],
    reason: '标题下注明「（2017年X月X日）」，为党的十九大（2017年10月）后的讲话',
  },
};
/** The collection file: a title naming its year, 「（6篇）」, then parts headed （一）…（六）. */
const COLLECTION_FILE = '002_0dcb52506dea78df.txt';
const COLLECTION_PART_HEADING = /^（[一二三四五六七八九十]+）$/;

/** A day written near the top of a document (its date line), e.g. 「（2022年10月16日）」. */
const DATE_LINE = /(\d{4})年(\d{1,2})月(\d{1,2})日/;
const DATE_LINE_SEARCH_CHARS = 200;

interface Doc {
  id: string; pack: CorpusPackDefinition; title: string; year: number | null; date: string | null; yearNote: string | null;
  source: string; text: string; provenance: CorpusProvenance;
}

function cleanText(raw: string): string {
  return raw.replace(/\r\n?/g, '\n').replace(PAID_MARKER, '').replace(/\n{3,}/g, '\n\n').trim() + '\n';
}

function pack(id: string): CorpusPackDefinition {
  const found = CORPUS_PACKS.find((p) => p.id === id);
  if (!found) throw new Error(`未定义的语料包：${id}`);
  return found;
}

/** The day of the date line at the top of `text`, when it falls in `year`. */
function dateLine(text: string, year: number | null): string | null {
  const m = DATE_LINE.exec(text.slice(0, DATE_LINE_SEARCH_CHARS));
  if (!m || Number(m[1]) !== year) return null;
  return `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
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

const seedProvenance = (note: string): CorpusProvenance => ({ repository: null, commit: null, path: null, url: null, note });

function speechDocs(): Doc[] {
  const dir = join(SHARED, 'seeds');
  const speeches = pack('speeches');
  const docs: Doc[] = [];
  const seenBodies = new Map<string, string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
    const raw = readFileSync(join(dir, file), 'utf8');
    if (file === COLLECTION_FILE) {
      const { heading, parts } = splitCollection(raw);
      const yearMatch = /(\d{4})年/.exec(heading);
      if (!yearMatch) throw new Error(`${file} 的标题不再写明年份：${heading}`);
      const year = Number(yearMatch[1]);
      parts.forEach((part, i) => {
        const digest = createHash('sha1').update(part.text.replace(/\s+/g, '')).digest('hex');
        const duplicateOf = seenBodies.get(digest);
        if (duplicateOf) {
          console.log(`跳过重复讲话：${file} ${part.label}（与 ${duplicateOf} 相同）`);
          return;
        }
        const id = `speech-${file.slice(0, 3)}-${i + 1}`;
        seenBodies.set(digest, id);
        docs.push({
          id, pack: speeches, title: `${heading}${part.label}`, year, date: null, yearNote: `合集标题「${heading}」`,
          source: `${file}#${part.label}`, text: part.text,
          provenance: seedProvenance(`${SEED_NOTE}；原文件为 ${parts.length} 篇合集，按（一）（二）…拆分，重复的一篇只保留一次`),
        });
      });
      continue;
    }
    const meta = SEED_META[file];
    if (!meta) throw new Error(`讲话稿样本 ${file} 没有标题和年份：请在 SEED_META 中补上（年份须有文中依据）`);
    const text = cleanText(raw);
    for (const passage of meta.evidence) {
      if (!text.includes(passage)) throw new Error(`${file} 中找不到年份依据「${passage}」`);
    }
    docs.push({
      id: `speech-${file.slice(0, 3)}`, pack: speeches, title: meta.title, year: meta.year, date: dateLine(text, meta.year),
      yearNote: meta.reason, source: file, text, provenance: seedProvenance(SEED_NOTE),
    });
  }
  return docs;
}

/** reports-2026 has no sources.json: its repository and commit are on its line of the README's Sources list. */
function reports2026Docs(): Doc[] {
  const readme = readFileSync(join(BASE, 'README.md'), 'utf8');
  const line = /^- `reports-2026\/`:([\s\S]*?)(?=\n- |\n\n|(?![\s\S]))/m.exec(readme)?.[1].replace(/\s+/g, ' ').trim();
  const repo = line && /([\w.-]+\/[\w.-]+) \(commit ([0-9a-f]{40})\)/.exec(line);
  const path = line && /`([^`]+\.csv)`/.exec(line)?.[1];
  if (!line || !repo || !path) throw new Error('corpus-base/README.md 中找不到 reports-2026 的来源（仓库、提交、路径）');
  const provenance: CorpusProvenance = {
    repository: repo[1], commit: repo[2], path, url: null,
    note: `${PUBLIC_NOTE}。取自各省 CSV 的 full_text 列；每个 CSV 的 source_url 列记载所据报纸或政府网站。`,
  };
  const reports = pack('reports-2026');
  const dir = join(BASE, reports.id);
  return readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((file) => {
    const text = cleanText(readFileSync(join(dir, file), 'utf8'));
    const title = text.split('\n')[0].trim();
    const year = Number(/^(\d{4})年/.exec(title)?.[1]);
    if (year !== 2026) throw new Error(`${file} 的标题不是 2026 年的报告：${title}`);
    return { id: `report-${file.replace(/\.txt$/, '')}`, pack: reports, title, year, date: dateLine(text, year), yearNote: null, source: file, text, provenance };
  });
}

interface SourceRecord { file: string; title: string; year: number; date?: string; repo: string; commit: string; path: string; url?: string; item?: string }

/** A folder of corpus-base with a sources.json: one record per file, with title, year and provenance. */
function sourcedDocs(packId: string, idOf: (file: string) => string): Doc[] {
  const definition = pack(packId);
  const dir = join(BASE, packId);
  const records = JSON.parse(readFileSync(join(dir, 'sources.json'), 'utf8')) as SourceRecord[];
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  const listed = new Set(records.map((r) => r.file));
  const unlisted = files.filter((f) => !listed.has(f));
  if (unlisted.length || listed.size !== files.length) throw new Error(`${packId}/sources.json 与目录中的文件不一致：${unlisted.join('、') || '清单多出文件'}`);
  return records.map((r) => {
    if (!Number.isInteger(r.year) || !r.repo || !r.commit || !r.path) throw new Error(`${packId}/sources.json 中 ${r.file} 缺少年份或来源`);
    const text = cleanText(readFileSync(join(dir, r.file), 'utf8'));
    const item = r.item ? `；所取条目「${r.item}」` : '';
    return {
      id: idOf(r.file), pack: definition, title: r.title, year: r.year, date: r.date ?? dateLine(text, r.year), yearNote: null,
      source: r.file, text,
      provenance: { repository: r.repo, commit: r.commit, path: r.path, url: r.url ?? null, note: `${PUBLIC_NOTE}${item}` },
    };
  }).sort((a, b) => a.id.localeCompare(b.id));
}

function main() {
  const stem = (file: string) => file.replace(/\.txt$/, '');
  const docs = [
    ...speechDocs(),
    ...reports2026Docs(),
    ...sourcedDocs('reports-2025', (f) => `report-${stem(f)}`),
    ...sourcedDocs('national-reports', stem),
    ...sourcedDocs('congress-reports', stem),
    ...sourcedDocs('central-documents', (f) => `central-${stem(f)}`),
  ];
  rmSync(OUT, { recursive: true, force: true });
  for (const p of CORPUS_PACKS) mkdirSync(join(OUT, p.id), { recursive: true });
  const entries: CorpusManifestEntry[] = docs.map((d) => {
    const path = `${d.pack.id}/${d.id}.txt`;
    const bytes = Buffer.from(d.text, 'utf8');
    writeFileSync(join(OUT, path), bytes);
    return {
      id: d.id, pack: d.pack.id, title: d.title, year: d.year, date: d.date, yearNote: d.yearNote,
      genre: d.pack.genre, level: d.pack.level, path, source: d.source, chars: [...d.text].length,
      bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), provenance: d.provenance,
    };
  });
  const manifest: CorpusManifest = { version: 2, packs: CORPUS_PACKS.map((p) => summarisePack(p, entries)), documents: entries };
  parseCorpusManifest(manifest);
  if (new Set(entries.map((e) => e.id)).size !== entries.length) throw new Error('语料中有重复的编号');
  writeFileSync(join(OUT, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  for (const p of manifest.packs) {
    console.log(`${p.name}：${p.documents} 篇，${p.chars} 字，${yearRangeText(p.years) || '年份不详'}`);
  }
}

main();
