import { i18n } from '#i18n';
import type {
  AgendaItem,
  Cadence,
  MessageLanguage,
  Relationship,
  ShareChannel,
  Side,
} from '@/utils/model/entities';
import type { AttentionReason } from '@/utils/domain/attention';
import type { CadenceStatus } from '@/utils/domain/cadence';

/** Localised names of the model's enums, in one place for every view. */
export const categoryLabel = (c: AgendaItem['category']): string =>
  ({
    work: i18n.t('agenda.category.work'),
    growth: i18n.t('agenda.category.growth'),
    career: i18n.t('agenda.category.career'),
    condition: i18n.t('agenda.category.condition'),
    relationships: i18n.t('agenda.category.relationships'),
    other: i18n.t('agenda.category.other'),
  })[c];

export const responseLabel = (r: AgendaItem['response']): string =>
  r === null
    ? i18n.t('agenda.response.none')
    : {
        advice: i18n.t('agenda.response.advice'),
        'think-together': i18n.t('agenda.response.thinkTogether'),
        listen: i18n.t('agenda.response.listen'),
      }[r];

export const sideLabel = (side: Side): string =>
  side === 'me' ? i18n.t('common.side.me') : i18n.t('common.side.them');

export const relationshipLabel = (r: Relationship): string =>
  ({
    report: i18n.t('person.relationship.report'),
    'skip-level': i18n.t('person.relationship.skipLevel'),
    peer: i18n.t('person.relationship.peer'),
    mentor: i18n.t('person.relationship.mentor'),
    mentee: i18n.t('person.relationship.mentee'),
    'my-manager': i18n.t('person.relationship.myManager'),
    other: i18n.t('person.relationship.other'),
  })[r];

export const attentionLabel = (reason: AttentionReason): string =>
  ({
    overdue: i18n.t('attention.overdue'),
    'never-met': i18n.t('attention.neverMet'),
    'many-actions': i18n.t('attention.manyActions'),
    'condition-falling': i18n.t('attention.conditionFalling'),
  })[reason];

export const cadenceLabel = (status: CadenceStatus): string =>
  ({
    'on-track': i18n.t('cadence.onTrack'),
    due: i18n.t('cadence.due'),
    overdue: i18n.t('cadence.overdue'),
    'never-met': i18n.t('cadence.neverMet'),
    'no-cadence': i18n.t('cadence.none'),
  })[status];

export const cadenceChoiceLabel = (c: Cadence): string =>
  ({
    weekly: i18n.t('cadence.choice.weekly'),
    biweekly: i18n.t('cadence.choice.biweekly'),
    monthly: i18n.t('cadence.choice.monthly'),
    none: i18n.t('cadence.choice.none'),
  })[c];

export const channelLabel = (c: ShareChannel): string =>
  ({
    email: i18n.t('share.via.email'),
    chat: i18n.t('share.via.chat'),
    'in-person': i18n.t('share.via.inPerson'),
  })[c];

/** A language by its own name, the same in every UI language. */
export const LANGUAGE_NAMES: Record<MessageLanguage, string> = { ja: '日本語', en: 'English' };
