/**
 * The lesson engine's public surface: load lessons, play them in a session, verify the
 * course and grade submissions.
 */
export { loadLesson, loadCourse, listLessonIds, parseLesson, type LoadResult, type LessonSource } from './loader.js';
export { formatLessonError, LESSON_ERRORS, type LessonError } from './errors.js';
export { LessonSession, lessonHash, type SessionOptions, type StageOutcome, type StageEvaluation, type CheckLine } from './session.js';
export { verifyLessons, formatVerifyReport, VERIFY_MESSAGES, type VerifyReport, type LessonVerdict, type StageVerdict } from './verify.js';
export { gradeSubmission, formatGrade, type GradeFormat, type GradeResult } from './grade.js';
export { compileCheck, CHECK_TYPES, type Check, type CheckContext, type CheckResult, type CheckSpec, type NetworkProbe } from './checks/index.js';
export { networkProbe } from './checks/network.js';
export { LESSON_FORMAT_VERSION, DEFAULT_STAGE_BUDGET, type Lesson, type Stage, type Question, type StageFile } from './types.js';
