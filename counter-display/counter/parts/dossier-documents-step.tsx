import type { Procedure } from '../../../common/catalogue/procedure-schema.js';
import type { ResultDelivery } from '../../../common/dossier/dossier-record.js';
import type { Language } from '../../../ui/i18n/error-text.js';
import { catalogueWorkingDays, documentRows, presentedFrom, processingTimeText } from '../state/dossier-checklist.js';
import { daysNumber } from '../state/dossier-format.js';
import { fieldId, type CounterChannel, type DossierForm, type FormField } from '../state/dossier-form.js';
import type { DossierTexts } from '../state/dossier-text.js';
import { DocumentLine, ExtraDocument } from './dossier-document-line.js';
import { DossierField, FieldNote } from './dossier-field.js';

/**
 * Step 3: the documents checklist from the procedure's Thành phần hồ sơ (tick what was handed
 * over; bản chính and bản sao as the catalogue says, editable), documents added by hand, the
 * number of sets, how it came and how the result goes back, and the time allowed (from the
 * catalogue, or asked when the catalogue has none).
 */
export function DossierDocumentsStep(props: {
  t: DossierTexts;
  language: Language;
  form: DossierForm;
  procedure: Procedure | null;
  askWorkingDays: boolean;
  problems: Partial<Record<FormField, string>>;
  onDocument: (key: string, change: Partial<{ ticked: boolean; originals: string; copies: string }>) => void;
  onAdd: (name: string, originals: string, copies: string) => void;
  onRemove: (key: string) => void;
  onChange: (change: Partial<Pick<DossierForm, 'dossierSets' | 'channel' | 'resultDelivery' | 'workingDays'>>) => void;
}) {
  const { t, form, problems } = props;
  const docs = documentRows(form.documents);
  const ticked = docs.filter((d) => d.ticked).length;
  const presented = props.procedure ? presentedFrom(props.procedure) : [];
  const known = props.procedure ? catalogueWorkingDays(props.procedure) : null;
  const asWritten = props.procedure ? processingTimeText(props.procedure) : null;
  const firstDoc = docs[0]?.key ?? null;
  const address = form.applicant.address.replace(/\s+/g, ' ').trim();
  return (
    <div class="dossier-step dossier-documents">
      <section class="dossier-checklist" aria-labelledby="dossier-docs-title">
        <div class="dossier-checklist-head">
          <h3 id="dossier-docs-title" class="dossier-label">
            {t.documents}{' '}
            <span class="dossier-count" data-testid="dossier-ticked">
              {t.ticked(ticked)}
            </span>
          </h3>
          <span class="dossier-count-head" aria-hidden="true">
            {t.originals}
          </span>
          <span class="dossier-count-head" aria-hidden="true">
            {t.copies}
          </span>
        </div>
        <FieldNote
          id={`${fieldId('documents')}-note`}
          problem={problems.documents ?? null}
          hint={docs.length ? null : t.noChecklist}
        />
        <ul class="dossier-docs" data-testid="dossier-documents">
          {form.documents.map((row) =>
            row.kind === 'heading' ? (
              <li key={row.key} class="dossier-doc-heading">
                {row.text}
              </li>
            ) : (
              <DocumentLine
                key={row.key}
                t={t}
                row={row}
                first={row.key === firstDoc}
                problem={problems[`doc:${row.key}`] ?? null}
                onChange={(change) => props.onDocument(row.key, change)}
                onRemove={() => props.onRemove(row.key)}
              />
            ),
          )}
        </ul>
        <ExtraDocument t={t} onAdd={props.onAdd} />
      </section>
      <section class="dossier-side">
        <DossierField id={fieldId('dossierSets')} label={t.sets} problem={problems.dossierSets ?? null}>
          {(describedBy) => (
            <input
              id={fieldId('dossierSets')}
              class="dossier-input dossier-input--count"
              inputMode="numeric"
              maxLength={2}
              value={form.dossierSets}
              aria-describedby={describedBy}
              onInput={(e) => props.onChange({ dossierSets: (e.target as HTMLInputElement).value })}
            />
          )}
        </DossierField>
        <fieldset class="choices dossier-choices">
          <legend class="dossier-label">{t.channel}</legend>
          {([1, 3] as CounterChannel[]).map((c) => (
            <label key={c} class="choice">
              <input type="radio" name="channel" checked={form.channel === c} onChange={() => props.onChange({ channel: c })} />
              <span>{t.channels[c]}</span>
            </label>
          ))}
        </fieldset>
        <fieldset class="choices dossier-choices" aria-describedby={`${fieldId('resultDelivery')}-note`}>
          <legend class="dossier-label">{t.delivery}</legend>
          {(['tai-bo-phan', 'buu-chinh'] as ResultDelivery[]).map((d) => (
            <label key={d} class="choice">
              <input
                type="radio"
                name="resultDelivery"
                id={form.resultDelivery === d ? fieldId('resultDelivery') : undefined}
                checked={form.resultDelivery === d}
                onChange={() => props.onChange({ resultDelivery: d })}
                data-testid={`dossier-delivery-${d}`}
              />
              <span>{t.deliveries[d]}</span>
            </label>
          ))}
          <FieldNote
            id={`${fieldId('resultDelivery')}-note`}
            problem={null}
            hint={form.resultDelivery === 'buu-chinh' ? (address ? t.postTo(address) : t.postNeedsAddress) : null}
          />
        </fieldset>
        {known && !props.askWorkingDays ? (
          <div class="dossier-field">
            <span class="dossier-label">{t.time}</span>
            <p class="dossier-time" data-testid="dossier-working-days">
              <strong>{t.workingDays(daysNumber(known.days, props.language))}</strong> ({t.fromCatalogue})
            </p>
            {asWritten && <p class="dossier-note dossier-as-written">{asWritten}</p>}
          </div>
        ) : (
          <DossierField
            id={fieldId('workingDays')}
            label={t.workingDaysLabel}
            problem={problems.workingDays ?? null}
            hint={asWritten ? t.asWritten(asWritten) : null}
          >
            {(describedBy) => (
              <input
                id={fieldId('workingDays')}
                class="dossier-input dossier-input--count"
                inputMode="decimal"
                maxLength={6}
                value={form.workingDays}
                aria-describedby={describedBy}
                onInput={(e) => props.onChange({ workingDays: (e.target as HTMLInputElement).value })}
                data-testid="dossier-working-days-input"
              />
            )}
          </DossierField>
        )}
        {presented.length > 0 && (
          <details class="dossier-presented">
            <summary>{t.presented(presented.length)}</summary>
            <ul>
              {presented.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          </details>
        )}
      </section>
    </div>
  );
}
