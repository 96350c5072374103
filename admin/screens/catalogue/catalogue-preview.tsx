import { Bi } from '../../i18n/bilingual.js';
import { keyLabel, vnNumber, type CataloguePreview, type ProcedureSample } from './catalogue-types.js';

/** What an import of the file would do: the counts, samples of the new and changed, and every problem. */
export function CataloguePreviewView(props: { preview: CataloguePreview }) {
  const { preview } = props;
  const { counts } = preview;
  return (
    <div class="cat-preview" data-testid="catalogue-preview">
      <dl class="cat-counts">
        <Count vi="Thêm mới" en="Added" n={counts.added} tone={counts.added > 0 ? 'new' : ''} />
        <Count vi="Thay đổi" en="Changed" n={counts.changed} tone={counts.changed > 0 ? 'changed' : ''} />
        <Count vi="Không đổi" en="Unchanged" n={counts.unchanged} tone="" />
        <Count vi="Không có trong tệp (giữ nguyên)" en="Not in the file (kept)" n={counts.notInFile} tone="" />
        <Count vi="Dòng có lỗi" en="Problems" n={preview.problemCount} tone={preview.problemCount > 0 ? 'problem' : ''} />
      </dl>

      {preview.problems.length > 0 && (
        <section class="cat-section">
          <h2 class="cat-h2">
            <Bi vi="Dòng không đọc được hoặc cần xem lại" en="Rows that could not be read, or to check" />
          </h2>
          {preview.problemCount > preview.problems.length && (
            <p class="cat-more">
              Hiển thị {vnNumber(preview.problems.length)} trên {vnNumber(preview.problemCount)} lỗi.{' '}
              <span class="en">
                First {preview.problems.length} of {preview.problemCount}.
              </span>
            </p>
          )}
          <table class="cat-table">
            <thead>
              <tr>
                <th scope="col">Dòng</th>
                <th scope="col">Cột</th>
                <th scope="col">Mã số</th>
                <th scope="col">Vấn đề</th>
              </tr>
            </thead>
            <tbody>
              {preview.problems.map((p, i) => (
                <tr key={i}>
                  <td class="cat-num">{p.row > 0 ? p.row : 'cả tệp'}</td>
                  <td>{p.column ?? ''}</td>
                  <td class="mono">{p.code ?? ''}</td>
                  <td>
                    {p.messageVi}{' '}
                    <span class="en" lang="en">
                      {p.message}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      <Samples title={{ vi: 'Thủ tục thêm mới', en: 'New procedures' }} total={counts.added} samples={preview.samples.added} />
      <Samples
        title={{ vi: 'Thủ tục thay đổi', en: 'Changed procedures' }}
        total={counts.changed}
        samples={preview.samples.changed}
        changes
      />

      {preview.notInFile.length > 0 && (
        <details class="cat-section">
          <summary>
            <Bi
              vi={`${vnNumber(counts.notInFile)} thủ tục đang có không nằm trong tệp: vẫn giữ nguyên`}
              en="Procedures not in the file: kept, an import never deletes"
            />
          </summary>
          <p class="cat-codes mono">{preview.notInFile.join(', ')}</p>
        </details>
      )}
    </div>
  );
}

function Count(props: { vi: string; en: string; n: number; tone: string }) {
  return (
    <div class={`cat-count${props.tone ? ` cat-count--${props.tone}` : ''}`}>
      <dt>
        <Bi vi={props.vi} en={props.en} />
      </dt>
      <dd>{vnNumber(props.n)}</dd>
    </div>
  );
}

function Samples(props: {
  title: { vi: string; en: string };
  total: number;
  samples: readonly ProcedureSample[];
  changes?: boolean;
}) {
  if (props.samples.length === 0) return null;
  return (
    <section class="cat-section">
      <h2 class="cat-h2">
        <Bi vi={props.title.vi} en={props.title.en} />
      </h2>
      {props.total > props.samples.length && (
        <p class="cat-more">
          {vnNumber(props.samples.length)} thủ tục đầu tiên trên {vnNumber(props.total)}.{' '}
          <span class="en">
            The first {props.samples.length} of {props.total}.
          </span>
        </p>
      )}
      <table class="cat-table">
        <thead>
          <tr>
            <th scope="col">Mã số</th>
            <th scope="col">Tên thủ tục</th>
            <th scope="col">Lĩnh vực</th>
            {props.changes && <th scope="col">Thay đổi</th>}
          </tr>
        </thead>
        <tbody>
          {props.samples.map((s) => (
            <tr key={s.code}>
              <td class="mono">{s.code}</td>
              <td>{s.name}</td>
              <td>{s.field ?? '—'}</td>
              {props.changes && (
                <td>
                  <ul class="cat-changes">
                    {(s.changes ?? []).map((c) => (
                      <li key={c.key}>
                        <strong>{keyLabel(c.key)}:</strong> <del>{c.before ?? '(trống)'}</del> → <ins>{c.after ?? '(trống)'}</ins>
                      </li>
                    ))}
                  </ul>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
