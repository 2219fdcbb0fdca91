/** The learner's saved progress: the store, its shapes, and the `kubetutor progress` report. */
export { ProgressStore, PROGRESS_NOTICES, type ProgressStoreOptions } from './store.js';
export { PROGRESS_FORMAT_VERSION, type JournalEntry, type LessonProgress, type ProgressFile, type StageProgress } from './types.js';
export { exportProgress, summarise, type LessonSummary, type ProgressFormat } from './export.js';
