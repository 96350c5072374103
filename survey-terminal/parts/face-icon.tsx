import type { SurveyIcon } from '../../common/domain/survey-scale.js';

/**
 * A face per level, drawn so that each differs in shape, not only in colour: eyes (smiling arcs,
 * dots, slanted brows) and mouth (open laugh, smile, straight line, frown, open frown). A citizen
 * who cannot tell green from red still reads them, and the words sit beside them anyway.
 */
const FACES: Readonly<Record<SurveyIcon, { fill: string; ink: string; eyes: string; mouth: string; mouthFilled: boolean }>> = {
  'very-happy': {
    fill: '#d5f0dc',
    ink: '#14532d',
    eyes: 'M34 50 Q42 38 50 50 M70 50 Q78 38 86 50',
    mouth: 'M30 68 Q60 108 90 68 Z',
    mouthFilled: true,
  },
  happy: { fill: '#e4f3e8', ink: '#1e6b34', eyes: '', mouth: 'M36 74 Q60 96 84 74', mouthFilled: false },
  neutral: { fill: '#eef1f5', ink: '#3d4a5c', eyes: '', mouth: 'M38 82 H82', mouthFilled: false },
  unhappy: { fill: '#fdebd6', ink: '#7a4100', eyes: '', mouth: 'M36 90 Q60 68 84 90', mouthFilled: false },
  'very-unhappy': {
    fill: '#fbe0e0',
    ink: '#8f1d1d',
    eyes: 'M30 36 L50 44 M90 36 L70 44',
    mouth: 'M32 96 Q60 62 88 96 Z',
    mouthFilled: true,
  },
};

export function FaceIcon(props: { icon: SurveyIcon; size?: number }) {
  const f = FACES[props.icon];
  const dots =
    props.icon === 'very-happy' ? null : (
      <>
        <circle cx="42" cy="52" r="6" fill={f.ink} />
        <circle cx="78" cy="52" r="6" fill={f.ink} />
      </>
    );
  return (
    <svg class="face" viewBox="0 0 120 120" width={props.size} height={props.size} aria-hidden="true" data-icon={props.icon}>
      <circle cx="60" cy="60" r="54" fill={f.fill} stroke={f.ink} stroke-width="5" />
      {dots}
      {f.eyes && <path d={f.eyes} fill="none" stroke={f.ink} stroke-width="5" stroke-linecap="round" />}
      <path
        d={f.mouth}
        fill={f.mouthFilled ? f.ink : 'none'}
        stroke={f.ink}
        stroke-width="5"
        stroke-linecap="round"
        stroke-linejoin="round"
      />
    </svg>
  );
}
