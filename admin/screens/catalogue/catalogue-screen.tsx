import { useEffect, useRef, useState } from 'preact/hooks';
import type { ErrorBody } from '../../../common/contract/errors.js';
import { errorText } from '../../../ui/i18n/error-text.js';
import { Bi } from '../../i18n/bilingual.js';
import { vnDateTime } from '../../i18n/date-time.js';
import { adminRequest } from '../../state/admin-api.js';
import { canEdit, type AdminScreenProps } from '../../state/admin-session.js';
import { CataloguePreviewView } from './catalogue-preview.js';
import {
  isUtf8,
  NOT_UTF8_VI,
  UPLOAD_LIMIT_BYTES,
  uploadTypeOf,
  vnNumber,
  type CatalogueImported,
  type CataloguePreview,
  type CatalogueStatus,
} from './catalogue-types.js';
import { uploadFile } from './upload-file.js';
import './catalogue.css';

/**
 * Danh mục TTHC: an admin chooses the national portal's export (CSV UTF-8, XLSX, or the LayThuTuc
 * JSON of full records), sees what an import would add and change and which rows could not be
 * read, then imports exactly that. The kiosk finds new procedures at once. Supervisors may look.
 */
export function CatalogueScreen(props: AdminScreenProps) {
  const { session } = props;
  const admin = canEdit(session);
  const [status, setStatus] = useState<CatalogueStatus | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [pending, setPending] = useState<'preview' | 'import' | null>(null);
  const [preview, setPreview] = useState<CataloguePreview | null>(null);
  const [imported, setImported] = useState<CatalogueImported | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const loadStatus = async () => {
    const reply = await adminRequest<CatalogueStatus>(session, 'GET', '/api/admin/catalogue');
    if (reply.ok) setStatus(reply.data);
  };
  useEffect(() => void loadStatus(), [session]);

  const choose = (e: Event) => {
    const chosen = (e.currentTarget as HTMLInputElement).files?.[0] ?? null;
    setPreview(null);
    setImported(null);
    setError(null);
    setFileError(null);
    setFile(chosen);
    if (!chosen) return;
    if (!uploadTypeOf(chosen.name)) setFileError('Chỉ nhận tệp .csv (UTF-8), .xlsx hoặc .json.');
    else if (chosen.size > UPLOAD_LIMIT_BYTES) setFileError('Tệp lớn hơn 20 MB, hub không nhận.');
  };

  const runPreview = async () => {
    const type = file && uploadTypeOf(file.name);
    if (!file || !type) return;
    setPending('preview');
    setError(null);
    setImported(null);
    if (type !== uploadTypeOf('x.xlsx') && !isUtf8(await file.arrayBuffer())) {
      setPending(null);
      setPreview(null);
      return setFileError(NOT_UTF8_VI);
    }
    const reply = await uploadFile<CataloguePreview>(session, '/api/admin/catalogue/preview', file, file.name, type);
    setPending(null);
    if (reply.ok) setPreview(reply.data);
    else {
      setPreview(null);
      setError(reply.error);
    }
  };

  const runImport = async () => {
    if (!preview) return;
    setPending('import');
    setError(null);
    const reply = await adminRequest<CatalogueImported>(session, 'POST', '/api/admin/catalogue/import', {
      previewId: preview.previewId,
    });
    setPending(null);
    if (!reply.ok) return setError(reply.error);
    setImported(reply.data);
    setPreview(null);
    setFile(null);
    if (input.current) input.current.value = '';
    void loadStatus();
  };

  return (
    <div class="cat">
      <div class="settings-bar">
        <h1 class="screen-title">
          <Bi vi="Danh mục thủ tục hành chính" en="Procedure catalogue" />
        </h1>
        <span class="spacer" />
        {status && (
          <span class="cat-status" data-testid="catalogue-status">
            Hiện có <strong>{vnNumber(status.procedures)}</strong> thủ tục
            {status.lastImport && <> · nhập lần cuối {vnDateTime(status.lastImport.at)}</>}{' '}
            <span class="en">{status.procedures} procedures</span>
          </span>
        )}
      </div>
      <div class="settings-scroll">
        <section class="cat-choose">
          <label class="cat-file-label" for="cat-file">
            <Bi vi="1. Chọn tệp danh mục xuất từ Cổng Dịch vụ công quốc gia" en="1. Choose the catalogue export" />
          </label>
          <p class="cat-hint">
            CSV (UTF-8, cột Mã số, Tên, Cơ quan ban hành, Cơ quan thực hiện, Lĩnh vực, URL), Excel .xlsx (trang đầu, cùng các cột)
            hoặc JSON LayThuTuc (hồ sơ đầy đủ); tối đa 20 MB. Nhập danh mục không xoá thủ tục nào.{' '}
            <span class="en">CSV UTF-8, XLSX (first sheet) or LayThuTuc JSON, up to 20 MB. An import never deletes.</span>
          </p>
          <div class="cat-file-row">
            <input
              id="cat-file"
              ref={input}
              class="cat-file"
              type="file"
              accept=".csv,.xlsx,.json,text/csv,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={choose}
            />
            <button
              type="button"
              class="bar-button bar-button--primary"
              disabled={!file || fileError !== null || pending !== null}
              onClick={() => void runPreview()}
            >
              <Bi vi={pending === 'preview' ? 'Đang đọc tệp…' : '2. Xem trước'} en="Preview" />
            </button>
          </div>
          {fileError && (
            <p class="note note--error" role="alert">
              {fileError}
            </p>
          )}
        </section>

        {error && <ErrorNote error={error} />}

        {imported && (
          <div class="note note--ok" role="status" data-testid="catalogue-imported">
            <p class="note-title">
              Đã nhập danh mục từ {imported.fileName}: {vnNumber(imported.counts.added)} thủ tục thêm mới,{' '}
              {vnNumber(imported.counts.changed)} thủ tục thay đổi. Danh mục hiện có {vnNumber(imported.procedures)} thủ tục;
              ki-ốt tra cứu được ngay.
            </p>
            <p class="en">
              Imported: {imported.counts.added} added, {imported.counts.changed} changed; {imported.procedures} procedures.
            </p>
          </div>
        )}

        {preview && (
          <>
            <p class="cat-file-name">
              Tệp <strong>{preview.fileName}</strong> ({preview.format.toUpperCase()}): đọc được {vnNumber(preview.read)} thủ tục.
              Bản xem trước có hiệu lực đến {vnDateTime(preview.expiresAt)}.{' '}
              <span class="en">Read {preview.read} procedures; the preview expires in 15 minutes.</span>
            </p>
            <CataloguePreviewView preview={preview} />
            <div class="cat-actions">
              {admin ? (
                <button
                  type="button"
                  class="bar-button bar-button--primary"
                  disabled={pending !== null}
                  onClick={() => void runImport()}
                >
                  <Bi vi={pending === 'import' ? 'Đang nhập…' : '3. Nhập danh mục'} en="Import" />
                </button>
              ) : (
                <p class="readonly-mark">
                  Chỉ quản trị viên được nhập danh mục. <span class="en">Only an admin may import.</span>
                </p>
              )}
            </div>
          </>
        )}
      </div>
    </div>
  );
}

function ErrorNote(props: { error: ErrorBody }) {
  const details = props.error.details ?? [];
  return (
    <div class="note note--error" role="alert">
      <p class="note-title">{errorText(props.error)}</p>
      {details.length > 0 && (
        <ul class="problem-list">
          {details.slice(0, 50).map((d, i) => (
            <li key={i}>
              {d.path && <span class="path">{placeOf(d.path)}</span>} <span lang="en">{d.message}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** "/rows/12/Mã số" reads as "Dòng 12, cột Mã số"; "/file" as "Cả tệp". */
function placeOf(path: string): string {
  const m = /^\/rows\/(\d+)(?:\/(.+))?$/.exec(path);
  if (m) return m[2] ? `Dòng ${m[1]}, cột ${m[2]}:` : `Dòng ${m[1]}:`;
  return path === '/file' ? 'Cả tệp:' : `${path}:`;
}
