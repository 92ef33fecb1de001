import type { LanguageWords } from './types.js';

/** German. */
export const de: LanguageWords = {
  language: 'de',
  sources: [
    'Jira German UI priority names (Höchste, Hoch, Mittel, Niedrig, Niedrigste)',
    'Obsidian Tasks German documentation and GitHub Projects German UI (Status: Offen, In Arbeit, Erledigt)',
    'Duden entries for kritisch, dringend, erledigt, ausstehend',
  ],
  levels: {
    critical: ['kritisch', 'kritische', 'kritischer', 'höchste', 'blocker', 'muss'],
    high: ['wichtig', 'dringend', 'sollte'],
    medium: ['könnte'],
    low: ['optional', 'irgendwann', 'wunschliste'],
  },
  adjectives: {
    critical: [],
    high: ['hoch', 'hohe', 'hoher', 'hohes'],
    medium: ['mittel', 'mittlere', 'mittlerer', 'normal', 'normale'],
    low: ['niedrig', 'niedrige', 'niedriger', 'gering', 'geringe', 'niedrigste'],
  },
  priorityNouns: ['priorität', 'prio'],
  workWords: ['aufgaben', 'aufgabe', 'todo', 'offene punkte', 'checkliste', 'aufgabenliste'],
  progressWords: ['erledigt', 'abgeschlossen', 'fertig', 'in arbeit', 'in bearbeitung', 'blockiert', 'fortschritt', 'stand'],
  doneWords: ['erledigt', 'abgeschlossen', 'fertig'],
  openWords: ['offen', 'ausstehend', 'verbleibend', 'übrig'],
  progressClaimWords: ['fortschritt'],
  unspaced: false,
  reviewed: [
    '"Mittel" is also a noun (means, remedy): an adjective-class word, so `Mittel und Wege` sets nothing',
    '"hoch" in `hoch performant` / `Hochverfügbarkeit`: adjective rule and whole words keep both out',
    '"Stand" (state) is a progress heading word only, never a claim word',
    '"muss" is German for must: a level as the English "must" is',
  ],
};
