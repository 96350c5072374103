/**
 * RFC 4180 CSV: comma-separated, fields optionally in double quotes, a quote inside a quoted field
 * doubled, quoted fields may hold commas and line breaks; CRLF or LF between records; a UTF-8
 * byte-order mark at the start is skipped. Small and strict enough to say where a file is broken.
 */
export interface CsvRow {
  /** 1-based line where the record starts (a quoted field can span lines). */
  readonly line: number;
  readonly fields: string[];
}

export interface CsvParse {
  readonly rows: CsvRow[];
  /** Syntax problems, each with the line it was found on. */
  readonly errors: { line: number; message: string }[];
}

export function parseCsv(text: string): CsvParse {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: CsvRow[] = [];
  const errors: { line: number; message: string }[] = [];
  const n = src.length;
  let fields: string[] = [];
  let line = 1;
  let rowLine = 1;
  let i = 0;
  const countLines = (from: number, to: number) => {
    for (let k = src.indexOf('\n', from); k >= 0 && k < to; k = src.indexOf('\n', k + 1)) line++;
  };
  // Each turn reads one field and the separator after it; slices, not characters, for speed.
  while (i <= n) {
    let field: string;
    if (src[i] === '"') {
      const startLine = line;
      let parts = '';
      let from = i + 1;
      for (;;) {
        const q = src.indexOf('"', from);
        if (q < 0) {
          errors.push({ line: startLine, message: 'quoted field never closed' });
          parts += src.slice(from);
          countLines(from, n);
          i = n;
          break;
        }
        parts += src.slice(from, q);
        countLines(from, q);
        if (src[q + 1] === '"') {
          parts += '"';
          from = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      field = parts;
      if (i < n && src[i] !== ',' && src[i] !== '\n' && src[i] !== '\r') {
        errors.push({ line, message: 'text after a closing quote' });
        const end = nextSeparator(src, i);
        field += src.slice(i, end);
        i = end;
      }
    } else {
      const end = nextSeparator(src, i);
      field = src.slice(i, end);
      if (field.includes('"')) errors.push({ line, message: 'quote inside an unquoted field' });
      i = end;
    }
    fields.push(field);
    if (src[i] === ',') {
      i++;
      continue;
    }
    // End of a record (or of the file). A blank line is no record; the final newline makes one.
    if (!(fields.length === 1 && fields[0] === '')) rows.push({ line: rowLine, fields });
    fields = [];
    if (i >= n) break;
    i += src[i] === '\r' && src[i + 1] === '\n' ? 2 : 1;
    line++;
    rowLine = line;
  }
  return { rows, errors };
}

/** The index of the next comma or line break from `i`, or the end. */
function nextSeparator(src: string, i: number): number {
  for (let k = i; k < src.length; k++) {
    const c = src.charCodeAt(k);
    if (c === 44 || c === 10 || c === 13) return k;
  }
  return src.length;
}
