/** `shipready list`: which items, in what order, under which headings. Pure. */
export { DEFAULT_FILTER, filterItems, type ItemFilter, type ListedItem, parseNames, parsePriorities, parseStatuses } from './filter.js';
export { GROUP_KEYS, type GroupKey, groupItems, type ItemGroup, SORT_KEYS, type SortKey, sortItems } from './order.js';
