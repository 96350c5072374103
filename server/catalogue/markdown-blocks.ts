/**
 * The little Markdown the portal's records use, read as blocks: the title, `## ` sections, and in a
 * section `### ` headings, pipe tables and paragraphs. Not a Markdown parser: just enough structure
 * for the record readers, tolerant of what the scraper produced (cells that wrap onto the next line,
 * escaped pipes, headings with stray "* " and ":").
 */
export interface Section {
  /** As written, without the "## ". */
  readonly heading: string;
  /** 1-based line of the heading. */
  readonly line: number;
  readonly lines: string[];
}

export interface ParsedMarkdown {
  readonly title: string | null;
  readonly sections: Section[];
}

export function splitSections(text: string): ParsedMarkdown {
  const lines = text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
  let title: string | null = null;
  const sections: Section[] = [];
  let current: Section | null = null;
  lines.forEach((line, i) => {
    const h1 = /^#\s+(.*)$/.exec(line);
    const h2 = /^##\s+(.*)$/.exec(line);
    if (h1 && title === null && !current) title = h1[1]?.trim() ?? '';
    else if (h2) {
      current = { heading: (h2[1] ?? '').trim(), line: i + 1, lines: [] };
      sections.push(current);
    } else if (current) current.lines.push(line);
  });
  return { title, sections };
}

export type Block =
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'table'; readonly header: string[]; readonly rows: string[][] }
  | { readonly kind: 'text'; readonly text: string };

/** Splits a row "| a | b \| c |" into trimmed cells ["a", "b | c"]. */
export function tableCells(row: string): string[] {
  let s = row.trim();
  if (s.startsWith('|')) s = s.slice(1);
  if (s.endsWith('|') && !s.endsWith('\\|')) s = s.slice(0, -1);
  return s.split(/(?<!\\)\|/).map((c) => c.replace(/\\\|/g, '|').trim());
}

const isContinuation = (next: string) => next.trim() !== '' && !next.trimStart().startsWith('|') && !next.startsWith('#');
const isSeparator = (cells: string[]) => cells.length > 0 && cells.every((c) => /^:?-{3,}:?$/.test(c));

/** Headings, tables and paragraphs of a section body, in order. */
export function blocksOf(lines: readonly string[]): Block[] {
  const blocks: Block[] = [];
  let para: string[] = [];
  const flush = () => {
    if (para.length > 0) blocks.push({ kind: 'text', text: para.join('\n') });
    para = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const heading = /^#{3,6}\s+(.*)$/.exec(line);
    if (heading) {
      flush();
      blocks.push({ kind: 'heading', text: (heading[1] ?? '').trim() });
    } else if (line.trimStart().startsWith('|')) {
      flush();
      const raw: string[] = [];
      while (i < lines.length && (lines[i] ?? '').trimStart().startsWith('|')) {
        let row = lines[i] ?? '';
        // A cell that wrapped: the row goes on until a line ends with a pipe.
        while (!row.trimEnd().endsWith('|') && i + 1 < lines.length && isContinuation(lines[i + 1] ?? '')) {
          row += `\n${lines[++i] ?? ''}`;
        }
        raw.push(row);
        i++;
      }
      i--;
      const [head, ...rest] = raw.map(tableCells);
      const body = rest[0] && isSeparator(rest[0]) ? rest.slice(1) : rest;
      blocks.push({ kind: 'table', header: head ?? [], rows: body });
    } else if (line.trim() === '') flush();
    else para.push(line);
  }
  flush();
  return blocks;
}
