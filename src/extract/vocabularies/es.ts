import type { LanguageWords } from './types.js';

/** Spanish. */
export const es: LanguageWords = {
  language: 'es',
  sources: [
    'Jira Spanish UI priority names (Más alta, Alta, Media, Baja, Más baja)',
    'GitHub/GitLab Spanish UI (Tareas, Pendiente, En curso, Completado)',
    'Diccionario de la lengua española (RAE) entries for crítico, urgente, pendiente',
  ],
  levels: {
    critical: ['crítico', 'crítica', 'bloqueante', 'imprescindible'],
    high: ['urgente', 'importante'],
    medium: [],
    low: ['opcional'],
  },
  adjectives: {
    critical: [],
    high: ['alta', 'alto'],
    medium: ['media', 'medio', 'normal'],
    low: ['baja', 'bajo'],
  },
  priorityNouns: ['prioridad'],
  workWords: ['tareas', 'tarea', 'pendientes', 'lista de verificación'],
  progressWords: ['hecho', 'hecha', 'completado', 'completada', 'terminado', 'en progreso', 'en curso', 'bloqueado', 'progreso', 'estado', 'avance'],
  doneWords: ['hecho', 'hechos', 'hechas', 'completado', 'completados', 'completadas', 'terminado', 'terminados', 'terminadas'],
  openWords: ['pendiente', 'pendientes', 'restante', 'restantes', 'abierto', 'abiertos', 'abiertas'],
  progressClaimWords: ['progreso', 'avance'],
  unspaced: false,
  reviewed: [
    '"media" is English too (`Social media`): adjective-class, so `Media Tasks` sets nothing; alone (`## Media`) it is medium',
    '"alta" is Italian and Portuguese for high as well: the same level, no clash; `Alta disponibilidad` sets nothing',
    '"normal" is English too: adjective-class in both',
    '"importante" also Italian/Portuguese "important": same level',
  ],
};
