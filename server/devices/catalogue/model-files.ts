import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Static, TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import { schemaErrors } from '../../config/schema-errors.js';

/**
 * What every device model folder shares (printers, LED boards, keypads, survey pads): read each YAML
 * file, check it against its schema, report every problem at once with file, line and JSON pointer
 * (whoever adds a model fixes them all in one go rather than one per restart), and refuse a model id
 * in a wrongly named file or defined twice.
 */

export interface CatalogueError {
  /** The file as given (folder + name), so the message can be pasted into an editor. */
  readonly file: string;
  /** JSON pointer inside the file ("/cut/kind"); "" for the whole file. */
  readonly path: string;
  /** 1-based line of the offending value, when the YAML shows where it is. */
  readonly line?: number;
  readonly message: string;
}

export function formatCatalogueErrors(errors: readonly CatalogueError[]): string {
  return errors.map((e) => `${e.file}${e.line ? `:${e.line}` : ''} ${e.path || '(file)'}: ${e.message}`).join('\n');
}

export interface ModelCatalogue<M> {
  readonly models: ReadonlyMap<string, M>;
  readonly errors: readonly CatalogueError[];
}

/** A model file whose value passed the schema, and a way to add the checks the schema cannot make. */
export interface ParsedModel<M> {
  readonly value: M;
  /** Records a problem at a JSON pointer of the file, with the line it is on. */
  readonly at: (path: string, message: string) => void;
}

/** The catalogue was not valid; `errors` lists every problem. */
export class InvalidModelCatalogueError extends Error {
  constructor(
    what: string,
    readonly errors: readonly CatalogueError[],
  ) {
    super(`The ${what} model catalogue is not valid:\n${formatCatalogueErrors(errors)}`);
    this.name = 'InvalidModelCatalogueError';
  }
}

/**
 * Parses one model file: YAML syntax, the schema, the file name, then `check` for the rules the schema
 * cannot say. Answers the model only when nothing is wrong.
 */
export function parseModelFile<S extends TSchema>(
  file: string,
  text: string,
  schema: S,
  check: (parsed: ParsedModel<Static<S>>) => void,
): { model?: Static<S> & { id: string }; errors: CatalogueError[]; idLine?: number } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      errors: doc.errors.map((e) => ({ file, path: '', line: e.linePos?.[0].line, message: `Not valid YAML: ${e.message}` })),
    };
  }
  const value: unknown = doc.toJS();
  const errors: CatalogueError[] = schemaErrors(schema, value).map((e) => ({
    file,
    path: e.path,
    line: lineOf(doc, lineCounter, e.path),
    message: e.message,
  }));
  if (errors.length > 0 || !Value.Check(schema, value)) return { errors };
  const model = value as Static<S> & { id: string };
  const at = (path: string, message: string) => errors.push({ file, path, line: lineOf(doc, lineCounter, path), message });
  // The file name is how a person finds a model: generic/usb-numpad lives in generic-usb-numpad.yaml.
  const expected = `${model.id.replace('/', '-')}.yaml`;
  if (basename(file) !== expected && basename(file) !== expected.replace(/\.yaml$/, '.yml')) {
    at('/id', `Model id '${model.id}' belongs in a file named ${expected}`);
  }
  check({ value: model, at });
  return errors.length > 0 ? { errors } : { model, errors, idLine: lineOf(doc, lineCounter, '/id') };
}

/** Every model in a folder, and every problem found in it. */
export async function loadModelFolder<M extends { id: string }>(
  dir: string,
  parse: (file: string, text: string) => { model?: M; errors: CatalogueError[]; idLine?: number },
): Promise<ModelCatalogue<M>> {
  const models = new Map<string, M>();
  const errors: CatalogueError[] = [];
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => /\.ya?ml$/.test(n)).sort();
  } catch (e) {
    return { models, errors: [{ file: dir, path: '', message: `Cannot read the folder: ${(e as Error).message}` }] };
  }
  const seen = new Map<string, string>();
  for (const name of names) {
    const file = join(dir, name);
    const result = parse(file, await readFile(file, 'utf8'));
    errors.push(...result.errors);
    if (!result.model) continue;
    const other = seen.get(result.model.id);
    if (other) {
      errors.push({
        file,
        path: '/id',
        line: result.idLine,
        message: `Model id '${result.model.id}' is already defined in ${other}`,
      });
    } else {
      seen.set(result.model.id, file);
      models.set(result.model.id, result.model);
    }
  }
  return { models, errors };
}

/** The line of the value at a JSON pointer, or of its nearest parent present in the file (a missing key). */
function lineOf(doc: Document, lineCounter: LineCounter, pointer: string): number | undefined {
  const segments = pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  for (let n = segments.length; n >= 0; n--) {
    const node: unknown = n === 0 ? doc.contents : doc.getIn(segments.slice(0, n), true);
    if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
  }
  return undefined;
}
