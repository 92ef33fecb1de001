import type { LanguageWords } from './types.js';

/** Portuguese. */
export const pt: LanguageWords = {
  language: 'pt',
  sources: [
    'Jira Portuguese (Brazil) UI priority names (Mais alta, Alta, Média, Baixa, Mais baixa)',
    'GitHub Portuguese UI (Tarefas, Pendente, Em andamento, Concluído)',
    'Dicionário Priberam entries for crítico, urgente, concluído, pendente',
  ],
  levels: {
    critical: ['crítico', 'crítica', 'bloqueador', 'bloqueante'],
    high: ['urgente'],
    medium: [],
    low: ['opcional'],
  },
  adjectives: {
    critical: [],
    high: ['alta', 'alto', 'elevada'],
    medium: ['média', 'médio'],
    low: ['baixa', 'baixo'],
  },
  priorityNouns: ['prioridade'],
  workWords: ['tarefas', 'tarefa', 'pendências', 'a fazer', 'lista de verificação'],
  progressWords: ['feito', 'concluído', 'concluída', 'concluídos', 'em andamento', 'em progresso', 'bloqueado', 'progresso', 'situação'],
  doneWords: ['feito', 'feitos', 'feitas', 'concluído', 'concluídos', 'concluídas', 'concluída'],
  openWords: ['pendente', 'pendentes', 'restante', 'restantes', 'em aberto'],
  progressClaimWords: ['progresso', 'andamento'],
  unspaced: false,
  reviewed: [
    '"média" (medium, also "average"): adjective-class, so `média de tempo` sets nothing',
    '"alta"/"baixa" shared with Spanish/Italian: same levels',
  ],
};
