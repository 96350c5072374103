import type { CounterDef } from '../../common/domain/counter.js';
import type { PriorityMode } from '../../common/domain/priority.js';
import type { QueueDef } from '../../common/domain/queue.js';
import type { HallConfig } from '../core/hall-state.js';
import type { SiteConfig } from './site-config-schema.js';
import { DEFAULT_SURVEY } from './survey-schema.js';
import { DEFAULT_CALENDAR } from '../../common/dossier/appointment.js';
import type { SurveyScale } from '../../common/domain/survey-scale.js';

/**
 * The part of the site settings the queue core decides with. Objects are rebuilt field by field so the
 * core never holds a reference into the settings (an admin edit cannot reach running state behind its
 * back) and so a new site setting does not leak into the core by accident.
 * Expects a config that passed validateSiteConfig.
 */
export function toHallConfig(site: SiteConfig): HallConfig {
  return {
    queues: site.queues.map((q): QueueDef => ({
      id: q.id,
      name: q.name,
      nameEn: q.nameEn,
      series: { prefix: q.series.prefix, start: q.series.start, width: q.series.width },
      defaultServiceMinutes: q.defaultServiceMinutes,
      fields: [...q.fields],
      issuingHours: q.issuingHours ? { from: q.issuingHours.from, to: q.issuingHours.to, days: [...q.issuingHours.days] } : null,
    })),
    counters: site.counters.map((c): CounterDef => ({
      id: c.id,
      number: c.number,
      name: c.name,
      queues: c.queues.map((l) => ({ queueId: l.queueId, role: l.role })),
      priorityCounter: c.priorityCounter,
    })),
    priority: {
      mode: priorityMode(site.priority),
      ageCapMinutes: site.priority.ageCapMinutes,
      classes: site.priority.classes.map((p) => ({ id: p.id, name: p.name, nameEn: p.nameEn })),
    },
    maxRecalls: site.maxRecalls,
    rolloverHour: site.rolloverHour,
    survey: surveyConfig(site),
    dossier: {
      agencyCode: site.office.agencyCode,
      calendar: {
        workDays: [...(site.dossiers?.workDays ?? DEFAULT_CALENDAR.workDays)],
        holidays: [...(site.dossiers?.holidays ?? [])],
        cutoff: site.dossiers?.cutoff ?? DEFAULT_CALENDAR.cutoff,
        appointmentTime: site.dossiers?.appointmentTime ?? DEFAULT_CALENDAR.appointmentTime,
      },
    },
  };
}

/** Ratings are offered only at counters with a survey terminal or button pad beside them. */
function surveyConfig(site: SiteConfig): HallConfig['survey'] {
  const survey = site.survey ?? DEFAULT_SURVEY;
  const counterIds = new Set(
    site.devices.filter((d) => (d.kind === 'survey' || d.kind === 'survey-pad') && d.counterId).map((d) => d.counterId as string),
  );
  return {
    windowSec: survey.windowSeconds,
    scales: survey.scales.map((s): SurveyScale => ({
      id: s.id,
      name: s.name,
      effectiveFrom: s.effectiveFrom,
      levels: s.levels.map((l) => ({ ...l })),
      criteria: s.criteria.map((c) => ({ ...c })),
    })),
    counterIds: [...counterIds],
    reasonIds: survey.reasons.map((r) => r.id),
  };
}

function priorityMode(priority: SiteConfig['priority']): PriorityMode {
  if (priority.mode === 'strict') return { kind: 'strict' };
  // Validation guarantees `every` in interleave mode; a config that skipped it is a bug, not a default.
  if (priority.every === undefined)
    throw new Error("Site config: interleave priority mode without 'every' (was the config validated?)");
  return { kind: 'interleave', every: priority.every };
}
