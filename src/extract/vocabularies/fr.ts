import type { LanguageWords } from './types.js';

/** French. */
export const fr: LanguageWords = {
  language: 'fr',
  sources: [
    'Jira French UI priority names (La plus haute, Haute, Moyenne, Basse, La plus basse)',
    'GitLab French UI (Tâches, À faire, En cours, Terminé)',
    'Wiktionnaire entries for bloquant, urgent, terminé, restant',
  ],
  levels: {
    critical: ['bloquant', 'bloquante', 'indispensable'],
    high: ['urgent', 'urgente', 'importante'],
    medium: [],
    low: ['facultatif', 'facultative', 'optionnel', 'optionnelle'],
  },
  adjectives: {
    critical: ['critique'],
    high: ['haute', 'élevée', 'élevé', 'haut'],
    medium: ['moyenne', 'moyen', 'normale'],
    low: ['basse', 'bas', 'faible'],
  },
  priorityNouns: ['priorité'],
  workWords: ['tâches', 'tâche', 'à faire', 'liste de contrôle'],
  progressWords: ['terminé', 'terminée', 'terminés', 'terminées', 'fait', 'en cours', 'bloqué', 'bloquée', 'avancement', 'progression', 'statut', 'état'],
  doneWords: ['terminé', 'terminée', 'terminés', 'terminées', 'fait', 'faits', 'faites', 'achevé', 'achevées'],
  openWords: ['restant', 'restants', 'restantes', 'en attente', 'ouvert', 'ouverts', 'ouvertes'],
  progressClaimWords: ['avancement', 'progression'],
  unspaced: false,
  reviewed: [
    '"critique" is English for a review (`Design critique`): adjective-class, a level only alone or with "priorité"',
    '"important" is an English word too: kept out, English "important" already names high',
    '"bas"/"haut" are common prose words (`en bas`): adjective-class only',
    '"fait" (done) is also "fact" (`le fait que`): a heading/claim word only, never a level',
  ],
};
