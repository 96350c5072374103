import type { Procedure } from '../../../common/catalogue/procedure-schema.js';
import { checkIdNumber } from '../../../common/dossier/id-number.js';
import type { Language } from '../../../ui/i18n/error-text.js';
import { applicantForCommand } from '../state/dossier-applicant.js';
import { catalogueWorkingDays, countOf, documentRows } from '../state/dossier-checklist.js';
import { daysNumber } from '../state/dossier-format.js';
import { needsWorkingDays, parseWorkingDays, type DossierForm } from '../state/dossier-form.js';
import type { DossierTexts } from '../state/dossier-text.js';

/** Step 4: everything once more, as it will be sent and printed, before the hub gives the code. */
export function DossierConfirmStep(props: {
  t: DossierTexts;
  language: Language;
  form: DossierForm;
  procedure: Procedure | null;
}) {
  const { t, form, procedure } = props;
  const a = applicantForCommand(form.applicant);
  const id = checkIdNumber(form.applicant.idNumber);
  const idKind = id.ok ? id.kind : null;
  const ticked = documentRows(form.documents).filter((d) => d.ticked);
  const days = needsWorkingDays(form, procedure)
    ? parseWorkingDays(form.workingDays)
    : procedure
      ? (catalogueWorkingDays(procedure)?.days ?? null)
      : null;
  return (
    <div class="dossier-step dossier-confirm" data-testid="dossier-confirm">
      <p class="dossier-confirm-title">{t.confirmTitle}</p>
      <dl class="dossier-summary">
        <div class="dossier-summary-wide">
          <dt>{t.chosen}</dt>
          <dd>
            <strong>{procedure?.name ?? form.procedureCode}</strong> ({form.procedureCode})
          </dd>
        </div>
        <div>
          <dt>{t.applicant}</dt>
          <dd data-testid="dossier-confirm-applicant">
            <strong>{a.name}</strong>
            <br />
            {idKind ? t.idKinds[idKind] : t.idNumber}: {a.idNumber}
            {a.phone && (
              <>
                <br />
                {t.phone}: {a.phone}
              </>
            )}
            {a.email && (
              <>
                <br />
                {t.email}: {a.email}
              </>
            )}
            {a.address && (
              <>
                <br />
                {t.address}: {a.address}
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>{t.time}</dt>
          <dd>{days === null ? '—' : t.workingDays(daysNumber(days, props.language))}</dd>
          <dt>{t.sets}</dt>
          <dd>{t.setsLine(Number(form.dossierSets))}</dd>
          <dt>{t.channel}</dt>
          <dd>{t.channels[form.channel]}</dd>
          <dt>{t.delivery}</dt>
          <dd>{t.deliveries[form.resultDelivery]}</dd>
        </div>
        <div class="dossier-summary-wide">
          <dt>
            {t.documentsShort} ({ticked.length})
          </dt>
          <dd>
            <ol class="dossier-summary-docs">
              {ticked.map((d) => (
                <li key={d.key}>
                  <span class="dossier-doc-name">{d.name}</span>
                  <span class="dossier-summary-copies">{t.copiesLine(countOf(d.originals) ?? 0, countOf(d.copies) ?? 0)}</span>
                </li>
              ))}
            </ol>
          </dd>
        </div>
      </dl>
    </div>
  );
}
