import { useState } from 'preact/hooks';
import { actionLabel } from '../../i18n/audit-actions.js';
import { vnDateTime } from '../../i18n/date-time.js';
import { placeOf } from '../settings/form/path-label.js';
import type { SchemaNode } from '../settings/form/schema-node.js';

export interface AuditChange {
  readonly path: string;
  readonly before?: unknown;
  readonly after?: unknown;
}

export interface AuditEntry {
  readonly id: number;
  readonly at: number;
  readonly actor: string;
  readonly actorName: string | null;
  readonly action: string;
  readonly summary: string;
  readonly changes: readonly AuditChange[];
}

const shown = (v: unknown): string => (v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v, null, 1));

/**
 * One line of the audit log: when, who, what; its changes (before → after per setting) open on
 * demand. A settings path reads as a place in the settings when it is one.
 */
export function AuditEntryRow(props: { entry: AuditEntry; schema: SchemaNode | null }) {
  const { entry } = props;
  const [open, setOpen] = useState(false);
  const settings = entry.action === 'settings:saved' && props.schema !== null;
  return (
    <li class="audit-entry" data-testid={`audit-${entry.id}`}>
      <div class="audit-head">
        <time class="audit-time" dateTime={new Date(entry.at).toISOString()}>
          {vnDateTime(entry.at)}
        </time>
        <span class="audit-actor">{entry.actorName ?? entry.actor}</span>
        <span class="audit-action">{actionLabel(entry.action)}</span>
        <span class="audit-summary" lang="en">
          {entry.summary}
        </span>
        {entry.changes.length > 0 && (
          <button type="button" class="small-button" aria-expanded={open} onClick={() => setOpen(!open)}>
            {open ? 'Ẩn thay đổi' : `Xem ${entry.changes.length} thay đổi`}
          </button>
        )}
      </div>
      {open && (
        <table class="audit-changes">
          <thead>
            <tr>
              <th scope="col">Mục</th>
              <th scope="col">Trước</th>
              <th scope="col">Sau</th>
            </tr>
          </thead>
          <tbody>
            {entry.changes.map((c, i) => (
              <tr key={`${c.path}-${i}`}>
                <th scope="row">
                  {settings && props.schema ? placeOf(props.schema, c.path) : c.path}
                  {settings && <span class="path"> {c.path}</span>}
                </th>
                <td>
                  <pre>{shown(c.before)}</pre>
                </td>
                <td>
                  <pre>{shown(c.after)}</pre>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </li>
  );
}
