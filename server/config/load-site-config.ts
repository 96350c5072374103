import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { Document, parseDocument } from 'yaml';
import type { ConfigError } from './config-error.js';
import type { SiteConfig } from './site-config-schema.js';
import { validateSiteConfig, type SiteConfigValidation } from './validate-site-config.js';
import { writeFileAtomic } from './write-file-atomic.js';

/**
 * Reading and writing the site config file (data/site.yaml by default). YAML because the office's IT
 * clerk edits it by hand and needs comments and Vietnamese text that stays readable; JSON is accepted
 * for tools that generate it.
 */

export async function loadSiteConfig(path: string): Promise<SiteConfigValidation> {
  const kind = fileKind(path);
  if (kind === undefined) return fail(`Unsupported file type '${extname(path)}': use .yaml, .yml or .json`);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    return fail(`Cannot read ${path}: ${(err as Error).message}`);
  }
  const parsed = kind === 'json' ? parseJson(stripBom(text)) : parseYaml(stripBom(text));
  if (!parsed.ok) return { ok: false, errors: [parsed.error] };
  return validateSiteConfig(normalizeText(parsed.value));
}

/** Validates first, so a bad config is never written where the next start would refuse it. */
export async function saveSiteConfig(path: string, config: SiteConfig): Promise<void> {
  const checked = validateSiteConfig(config);
  if (!checked.ok) {
    const list = checked.errors.map((e) => `${e.path || '(file)'}: ${e.message}`).join('; ');
    throw new Error(`Refusing to save an invalid site config: ${list}`);
  }
  const text = fileKind(path) === 'json' ? `${JSON.stringify(config, null, 2)}\n` : siteConfigToYaml(config);
  await writeFileAtomic(path, text);
}

/** Tells whoever opens the file (usually the IT clerk, in Vietnamese first) what it is and how to treat it. */
function header(officeName: string): string {
  return [
    ` Cấu hình điểm phục vụ motcua-hall: ${officeName}`,
    ' Tệp này khai báo cơ quan, hàng đợi, quầy, cán bộ và thiết bị của sảnh tiếp nhận.',
    ' Nên sửa trong trang quản trị (/admin/): áp dụng ngay, có kiểm tra và nhật ký thay đổi.',
    ' Nếu sửa tay tệp này, khởi động lại máy chủ để áp dụng; nếu có lỗi, máy chủ báo từng lỗi kèm vị trí.',
    ' Khóa thiết bị (key) là mật khẩu của màn hình: không gửi tệp này ra ngoài. Mật khẩu cán bộ không lưu ở đây.',
    '',
    ` Site settings of motcua-hall for: ${officeName}`,
    ' This file declares the office, queues, counters, officers and devices of the reception hall.',
    ' Prefer the admin page (/admin/): changes apply at once, checked and audited.',
    ' After editing this file by hand, restart the hub; if anything is wrong it lists every error with its place.',
    ' Device keys are screen passwords: do not share this file. Officer passwords are not kept here.',
  ].join('\n');
}

export function siteConfigToYaml(config: SiteConfig): string {
  const doc = new Document(config);
  doc.commentBefore = header(config.office.name.replace(/\s+/g, ' '));
  // No folding: long Vietnamese names stay on one line, so diffs and hand edits stay simple.
  return doc.toString({ lineWidth: 0 });
}

type Parsed = { ok: true; value: unknown } | { ok: false; error: ConfigError };

function parseYaml(text: string): Parsed {
  // uniqueKeys (the default) makes a repeated key an error instead of a silent override.
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  const first = doc.errors[0];
  if (first) {
    const pos = first.linePos?.[0];
    const what = first.message.split(/ at line \d+, column \d+/)[0] ?? first.message;
    const where = pos ? ` at line ${pos.line}, column ${pos.col}` : '';
    return { ok: false, error: { path: '', message: `YAML syntax error${where}: ${what}` } };
  }
  return { ok: true, value: doc.toJS() };
}

function parseJson(text: string): Parsed {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (err) {
    const message = (err as Error).message;
    // Node 20 names the position for most mistakes but not all ("Unexpected token"): then no line.
    const at = /position (\d+)/.exec(message);
    if (!at) return { ok: false, error: { path: '', message: `JSON syntax error: ${message}` } };
    const before = text.slice(0, Number(at[1]));
    const line = before.split('\n').length;
    const col = before.length - before.lastIndexOf('\n');
    return {
      ok: false,
      error: {
        path: '',
        message: `JSON syntax error at line ${line}, column ${col}: ${message.replace(/ in JSON at position \d+.*$/, '')}`,
      },
    };
  }
}

/**
 * Vietnamese text typed on some systems arrives decomposed (a + combining marks); field names must
 * match the catalogue's exactly, so every string is brought to NFC before it is checked.
 */
export function normalizeText(value: unknown): unknown {
  if (typeof value === 'string') return value.normalize('NFC');
  if (Array.isArray(value)) return value.map(normalizeText);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.normalize('NFC'), normalizeText(v)]));
  }
  return value;
}

function fileKind(path: string): 'yaml' | 'json' | undefined {
  const ext = extname(path).toLowerCase();
  if (ext === '.yaml' || ext === '.yml') return 'yaml';
  if (ext === '.json') return 'json';
  return undefined;
}

/** Notepad on Windows writes a byte-order mark. */
function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function fail(message: string): SiteConfigValidation {
  return { ok: false, errors: [{ path: '', message }] };
}
