import { useEffect, useState } from 'preact/hooks';
import { toString as qrSvg } from 'qrcode';
import type { Procedure } from '../../common/catalogue/procedure-schema.js';
import { BigButton } from '../../ui/components/big-button.js';
import type { KioskTexts } from '../../ui/i18n/kiosk-text.js';

/**
 * What a citizen needs before queueing: where and how long, what it costs, which papers to bring
 * (originals and copies), a QR to read it all again on the national portal, and one button to
 * take a number in the right queue.
 */
export function ProcedureDetailScreen(props: {
  t: KioskTexts;
  code: string;
  deviceKey: string;
  queueName: (field: string | null) => string | null;
  onTicket: (field: string | null) => void;
}) {
  const { t } = props;
  const [p, setP] = useState<Procedure | null>(null);
  const [qr, setQr] = useState('');
  useEffect(() => {
    void fetch(`/api/procedures/${encodeURIComponent(props.code)}`, { headers: { 'x-device-key': props.deviceKey } })
      .then((r) => r.json())
      .then((b: { ok: boolean; data?: Procedure }) => b.ok && b.data && setP(b.data))
      .catch(() => undefined);
  }, [props.code]);
  useEffect(() => {
    if (p?.portalUrl) void qrSvg(p.portalUrl, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' }).then(setQr);
  }, [p?.portalUrl]);
  if (!p) return <div class="status">{t.looking}</div>;
  const queue = props.queueName(p.field);
  const direct = p.channels.find((c) => c.channel === 'truc-tiep') ?? p.channels[0];
  const toSubmit = p.documents.find((g) => g.group === 'nop') ?? p.documents[0];
  return (
    <div class="procedure" data-testid="procedure-detail">
      <h1 class="procedure-name">{p.name}</h1>
      <div class="dossier-code">
        {p.code} · {p.field}
      </div>
      {queue && (
        <BigButton
          tone="primary"
          title={t.ticketForProcedure}
          hint={queue}
          onClick={() => props.onTicket(p.field)}
          testId="procedure-ticket"
        />
      )}
      <div class="procedure-facts">
        {direct && (
          <>
            <div>
              <strong>{t.processingTime}:</strong> {direct.processingTime ?? t.noInfo}
            </div>
            <div>
              <strong>{t.fees}:</strong> {direct.fees ?? t.noInfo}
            </div>
          </>
        )}
      </div>
      {toSubmit && toSubmit.items.length > 0 && (
        <div class="procedure-docs">
          <h2>{t.documents}</h2>
          <ol>
            {toSubmit.items.slice(0, 8).map((d, i) => (
              <li key={i}>
                {d.name}
                {(d.originals ?? 0) + (d.copies ?? 0) > 0 && (
                  <span class="doc-count"> ({t.copies(d.originals ?? 0, d.copies ?? 0)})</span>
                )}
              </li>
            ))}
          </ol>
          {toSubmit.items.length > 8 && <p class="welcome-hint">{t.moreOnPortal}</p>}
        </div>
      )}
      {qr && (
        <div class="procedure-qr">
          <div class="qr" dangerouslySetInnerHTML={{ __html: qr }} />
          <p>{t.scanForPortal}</p>
        </div>
      )}
    </div>
  );
}
