import { useState } from 'preact/hooks';
import { parseDossierCode } from '../../../common/dossier/dossier-code.js';
import type { Language } from '../../../ui/i18n/error-text.js';
import { Dialog } from './dialog.js';

const TEXT = {
  vi: {
    title: 'Trả kết quả hồ sơ',
    label: 'Mã hồ sơ (quét mã vạch trên giấy tiếp nhận hoặc gõ)',
    hint: 'Ví dụ: 000.00.31.H38-261123-0001. Hồ sơ phải ở trạng thái "Đã có kết quả".',
    submit: 'Xác nhận đã trả',
    cancel: 'Hủy',
    wrong: 'Mã hồ sơ chưa đúng định dạng. Mã gồm 25 ký tự.',
  },
  en: {
    title: 'Hand over a result',
    label: 'Dossier code (scan the receipt barcode or type it)',
    hint: 'E.g. 000.00.31.H38-261123-0001. The dossier must be at "result ready".',
    submit: 'Confirm handed over',
    cancel: 'Cancel',
    wrong: 'Not a dossier code: it has 25 characters.',
  },
} as const;

/**
 * "Trả kết quả": the officer at the result desk records that the citizen took the result (status 10),
 * which the province is then told. A barcode scanner typing into the field works like the keyboard.
 */
export function ReturnResultDialog(props: {
  language: Language;
  busy: boolean;
  onCancel: () => void;
  onConfirm: (code: string) => void;
}) {
  const t = TEXT[props.language];
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = () => {
    const parsed = parseDossierCode(typed);
    if (!parsed.ok) return setProblem(t.wrong);
    props.onConfirm(parsed.value.code);
  };
  return (
    <Dialog
      title={t.title}
      cancelLabel={t.cancel}
      submitLabel={t.submit}
      submitDisabled={props.busy}
      onCancel={props.onCancel}
      onSubmit={submit}
      testId="return-result-dialog"
    >
      <label class="field">
        <span>{t.label}</span>
        <input
          name="dossier-code"
          value={typed}
          autoComplete="off"
          spellcheck={false}
          maxLength={64}
          onInput={(e) => {
            setTyped((e.target as HTMLInputElement).value);
            setProblem(null);
          }}
        />
      </label>
      <p class="field-hint">{t.hint}</p>
      {problem && (
        <p class="note note--error" role="alert">
          {problem}
        </p>
      )}
    </Dialog>
  );
}
