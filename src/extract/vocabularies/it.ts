import type { LanguageWords } from './types.js';

/** Italian. */
export const it: LanguageWords = {
  language: 'it',
  sources: [
    'Jira Italian UI priority names (Massima, Alta, Media, Bassa, Minima)',
    'GitLab Italian UI (Attività, Da fare, In corso, Completato)',
    'Treccani entries for critico, urgente, completato, rimanente',
  ],
  levels: {
    critical: ['critico', 'critica', 'bloccante', 'massima'],
    high: ['urgente'],
    medium: [],
    low: ['opzionale', 'facoltativo', 'minima'],
  },
  adjectives: {
    critical: [],
    high: ['alta', 'alto', 'elevata'],
    medium: ['media', 'medio'],
    low: ['bassa', 'basso'],
  },
  priorityNouns: ['priorità'],
  workWords: ['attività', 'compiti', 'da fare', 'lista di controllo'],
  progressWords: ['fatto', 'completato', 'completata', 'completati', 'in corso', 'bloccato', 'avanzamento', 'progresso', 'stato'],
  doneWords: ['fatto', 'fatti', 'fatte', 'completato', 'completati', 'completate', 'completata'],
  openWords: ['rimanente', 'rimanenti', 'in sospeso', 'aperto', 'aperti', 'aperte'],
  progressClaimWords: ['avanzamento', 'progresso'],
  unspaced: false,
  reviewed: [
    '"basso" (low) is also the instrument "bass": adjective-class only',
    '"stato" is also "been" (`è stato`): a heading word only, never a claim word',
    '"media" shared with Spanish and English: adjective-class',
  ],
};
