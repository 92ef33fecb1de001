import type { LanguageWords } from './types.js';

/** Russian. */
export const ru: LanguageWords = {
  language: 'ru',
  sources: [
    'Jira Russian UI priority names (Наивысший, Высокий, Средний, Низкий, Самый низкий)',
    'YouTrack Russian UI states (Открыта, В работе, Готово, Заблокирована)',
    'Толковый словарь Ожегова entries for критический, срочный, выполнено',
  ],
  levels: {
    critical: ['критический', 'критическая', 'критично', 'блокирующий', 'блокер', 'наивысший'],
    high: ['срочный', 'срочно', 'важный', 'важно'],
    medium: [],
    low: ['необязательно', 'опционально'],
  },
  adjectives: {
    critical: [],
    high: ['высокий', 'высокая', 'высокое'],
    medium: ['средний', 'средняя', 'среднее', 'обычный'],
    low: ['низкий', 'низкая', 'низкое'],
  },
  priorityNouns: ['приоритет', 'приоритетом'],
  workWords: ['задачи', 'задача', 'список дел', 'чек-лист', 'чеклист', 'бэклог'],
  progressWords: ['сделано', 'готово', 'выполнено', 'завершено', 'в работе', 'в процессе', 'заблокировано', 'прогресс', 'статус'],
  doneWords: ['сделано', 'готово', 'выполнено', 'завершено', 'выполнены', 'завершены'],
  openWords: ['осталось', 'открыто', 'открытых', 'невыполнено', 'оставшихся'],
  progressClaimWords: ['прогресс'],
  unspaced: false,
  reviewed: [
    '"средний"/"среднее" also mean average (`среднее время`): adjective-class only',
    'Cyrillic is matched as letters: `высокий` inside `высокийуровень` is not a whole word',
  ],
};
