import { useState } from 'preact/hooks';
import { idNumberStatus, type ApplicantDraft, type ApplicantField, type Problem } from '../state/dossier-applicant.js';
import { fieldId } from '../state/dossier-form.js';
import type { DossierTexts } from '../state/dossier-text.js';
import { DossierField } from './dossier-field.js';

/**
 * Step 2, who hands the dossier in. The ID number is checked as it is typed (its shape only, the
 * hub's own rule): a letter or a 13th digit shows at once, a short number only once the officer
 * moves on, so nobody is told off for a number they are still typing.
 */
export function DossierApplicantStep(props: {
  t: DossierTexts;
  applicant: ApplicantDraft;
  problems: Partial<Record<ApplicantField, string>>;
  phoneFromKiosk: boolean;
  word: (problem: Problem) => string;
  onChange: (field: ApplicantField, value: string) => void;
}) {
  const { t, applicant, problems } = props;
  const [idLeft, setIdLeft] = useState(false);
  const id = idNumberStatus(applicant.idNumber, idLeft);
  const idHint = id.kind === 'ok' ? t.idOk[id.idKind] : id.kind === 'typing' ? t.idTyping(id.digits) : null;
  // The hub's or "Tiếp tục"'s word first; else what the number typed so far shows.
  const idProblem = problems.idNumber ?? (id.kind === 'problem' ? props.word(id.problem) : null);

  const text =
    (field: ApplicantField, opts: { type?: string; autoComplete?: string; maxLength: number; inputMode?: string }) =>
    (describedBy: string | undefined) => (
      <input
        id={fieldId(field)}
        name={field}
        class="dossier-input"
        type={opts.type ?? 'text'}
        inputMode={opts.inputMode as 'numeric' | 'tel' | 'email' | undefined}
        autoComplete={opts.autoComplete ?? 'off'}
        spellcheck={false}
        maxLength={opts.maxLength}
        value={applicant[field]}
        aria-invalid={problems[field] ? true : undefined}
        aria-describedby={describedBy}
        onInput={(e) => props.onChange(field, (e.target as HTMLInputElement).value)}
      />
    );

  return (
    <div class="dossier-step dossier-applicant">
      <DossierField id={fieldId('name')} label={t.name} wide problem={problems.name ?? null}>
        {text('name', { maxLength: 100, autoComplete: 'name' })}
      </DossierField>
      <DossierField
        id={fieldId('idNumber')}
        label={t.idNumber}
        problem={idProblem}
        hint={idHint}
        hintTone={id.kind === 'ok' ? 'ok' : 'plain'}
      >
        {(describedBy) => (
          <input
            id={fieldId('idNumber')}
            name="idNumber"
            class="dossier-input dossier-input--digits"
            inputMode="numeric"
            autoComplete="off"
            spellcheck={false}
            maxLength={20}
            value={applicant.idNumber}
            aria-invalid={idProblem ? true : undefined}
            aria-describedby={describedBy}
            onInput={(e) => props.onChange('idNumber', (e.target as HTMLInputElement).value)}
            onBlur={() => setIdLeft(true)}
            data-testid="dossier-id-number"
          />
        )}
      </DossierField>
      <DossierField
        id={fieldId('phone')}
        label={t.phone}
        optional={t.optional}
        problem={problems.phone ?? null}
        hint={props.phoneFromKiosk ? t.phoneFromKiosk : null}
      >
        {text('phone', { type: 'tel', inputMode: 'tel', maxLength: 16, autoComplete: 'tel' })}
      </DossierField>
      <DossierField id={fieldId('email')} label={t.email} optional={t.optional} problem={problems.email ?? null}>
        {text('email', { type: 'email', inputMode: 'email', maxLength: 120, autoComplete: 'email' })}
      </DossierField>
      <DossierField id={fieldId('address')} label={t.address} optional={t.optional} wide problem={problems.address ?? null}>
        {text('address', { maxLength: 300, autoComplete: 'street-address' })}
      </DossierField>
    </div>
  );
}
