import { useCallback, useEffect, useMemo, useReducer, useState } from 'preact/hooks';
import { ScreenFrame } from '../ui/components/screen-frame.js';
import { deviceKeyFromPage, newCommandId } from '../ui/device-key.js';
import type { Language } from '../ui/i18n/error-text.js';
import { surveyText } from '../ui/i18n/survey-text.js';
import { useHall } from '../ui/realtime/use-hall.js';
import { useScreenConfig } from '../counter-display/shared/use-screen-config.js';
import { IdleScreen } from './screens/idle.js';
import { NoticeScreen } from './screens/notice.js';
import { QuestionScreen } from './screens/question.js';
import { ReasonScreen } from './screens/reason.js';
import { SetupProblem } from './screens/setup-problem.js';
import { ThanksScreen } from './screens/thanks.js';
import { ServedBy } from './parts/served-by.js';
import { remainingSeconds, remainingShare } from './state/remaining-time.js';
import { scaleOf } from './state/scale-of.js';
import { sendRating } from './state/send-rating.js';
import { newestChance, pageCounterNumber, surveyCounter } from './state/survey-counter.js';
import { INITIAL, rateInput, surveyFlow, takesTaps } from './state/survey-flow.js';
import { useRatingLink } from './state/use-rating-link.js';
import { useWedgePad } from './state/use-wedge-pad.js';

const PAGE = '/survey/';
/** Often enough for the ring and for buttons to wake after their settle time; cheap on a tablet. */
const TICK_MS = 200;

/** The survey terminal at one counter: idle, then one question per screen after each service. */
export function SurveyApp() {
  const deviceKey = useMemo(() => deviceKeyFromPage('motcua.surveyKey'), []);
  const auth = useMemo(() => (deviceKey ? { deviceKey } : null), [deviceKey]);
  const pageCounter = useMemo(() => pageCounterNumber(window.location.search), []);
  const hall = useHall(auth);
  const config = useScreenConfig(deviceKey, hall.connected);
  const link = useRatingLink(hall);
  const [language, setLanguage] = useState<Language>('vi');
  const [state, dispatch] = useReducer(surveyFlow, INITIAL);
  // The tablet's monotonic clock: the window is measured on it, never on its (maybe wrong) wall clock.
  const [now, setNow] = useState(() => performance.now());
  const step = state.step;
  const t = surveyText(language);

  const view = hall.view;
  const where = view && config ? surveyCounter(view, pageCounter, config.counterId) : null;
  const counterId = where?.kind === 'ok' ? where.counter.id : null;
  const chance = view && counterId ? newestChance(view.surveys, counterId) : null;
  const scale = chance && config ? scaleOf(config.survey, chance.scaleId) : null;
  const reasons = config?.survey.reasons ?? [];

  // Offer the newest chance when it appears, drop it when it leaves the view (lapsed, or rated by the
  // counter's button pad); checked again each time the terminal comes back to idle.
  useEffect(() => {
    dispatch({ type: 'chance', chance, scale, hasReasons: reasons.length > 0, now: performance.now() });
  }, [chance?.ticketId ?? null, scale, step.kind]);

  useEffect(() => {
    if (step.kind === 'idle') {
      setLanguage('vi');
      return;
    }
    const tick = () => {
      const at = performance.now();
      setNow(at);
      dispatch({ type: 'tick', now: at, commandId: newCommandId() });
    };
    tick(); // the ring starts from the time the question appears, not from the last tick before it
    const timer = setInterval(tick, TICK_MS);
    return () => clearInterval(timer);
  }, [step.kind]);

  // The one place a rating is sent: entering 'sending' (once per command id, retried with the same id).
  const sendingId = step.kind === 'sending' ? step.commandId : null;
  useEffect(() => {
    if (step.kind !== 'sending') return;
    const commandId = step.commandId;
    void sendRating(link, rateInput(step)).then((ack) => dispatch({ type: 'answered', commandId, ack, now: performance.now() }));
  }, [sendingId]);

  useWedgePad(
    useCallback((index: number) => dispatch({ type: 'press', index, now: performance.now(), commandId: newCommandId() }), []),
  );

  if (!deviceKey) return <SetupProblem title={t.noKey} detail={t.noKeyHint(PAGE)} />;
  if (where && where.kind !== 'ok') {
    const detail =
      where.kind === 'wrong-counter'
        ? t.wrongCounter(where.boundNumber, pageCounter)
        : where.kind === 'unknown-counter'
          ? t.unknownCounter(pageCounter)
          : t.unbound;
    return <SetupProblem title={t.setupProblem} detail={detail} />;
  }

  const enabled = takesTaps(step, now);
  const choose = (criterionId: string) => (levelId: string) =>
    dispatch({ type: 'choose', criterionId, levelId, now: performance.now(), commandId: newCommandId() });
  let body;
  if (!where || !view) body = <div class="connecting">{t.offline}</div>;
  else if (step.kind === 'idle')
    body = <IdleScreen t={t} counterNumber={where.counter.number} parentAuthority={config?.office.parentAuthority ?? ''} />;
  else if (step.kind === 'asking') {
    const criterion = step.scale.criteria[step.criterion];
    // Never before the question appeared: the last tick may predate it.
    const shownAt = Math.max(now, step.deadline - step.windowMs);
    body = (
      <>
        <ServedBy
          t={t}
          officerName={step.chance.officerId ? (view.officerNames[step.chance.officerId] ?? null) : null}
          number={step.chance.number}
          share={remainingShare(step.deadline, step.windowMs, shownAt)}
          seconds={remainingSeconds(step.deadline, shownAt)}
        />
        {step.askingReason ? (
          <ReasonScreen
            t={t}
            language={language}
            reasons={reasons}
            enabled={enabled}
            onReason={(reasonId) => dispatch({ type: 'reason', reasonId, now: performance.now(), commandId: newCommandId() })}
          />
        ) : (
          criterion && (
            <QuestionScreen
              t={t}
              language={language}
              criterion={criterion}
              levels={step.scale.levels}
              index={step.criterion}
              count={step.scale.criteria.length}
              enabled={enabled}
              onChoose={choose(criterion.id)}
            />
          )
        )}
      </>
    );
  } else if (step.kind === 'sending' || step.kind === 'thanks')
    body = (
      <ThanksScreen
        t={t}
        language={language}
        scale={step.scale}
        answers={step.answers}
        reason={reasons.find((r) => r.id === step.reasonId) ?? null}
        sent={step.kind === 'thanks'}
      />
    );
  else body = <NoticeScreen t={t} language={language} notice={step.notice} />;

  return (
    <div class="survey" data-state={step.kind} data-ticket={step.kind === 'asking' ? step.chance.ticketId : undefined}>
      <ScreenFrame
        title={config ? (language === 'vi' ? config.office.name : config.office.nameEn) : ''}
        languageLabel={t.language}
        onLanguage={() => setLanguage(language === 'vi' ? 'en' : 'vi')}
        banner={
          !hall.connected && (
            <div class="banner" role="status" data-testid="offline">
              {t.offline}
            </div>
          )
        }
      >
        {body}
      </ScreenFrame>
    </div>
  );
}
