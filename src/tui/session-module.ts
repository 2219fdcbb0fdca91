/**
 * The lesson session module and the lesson screen (and with them the engine, kubectl and
 * the checks), loaded on demand: home draws its first frame without them, and they are
 * fetched once the first lesson opens (or in the background just after home appears).
 */
/** The lesson session class and the lesson screen (the Workbench, with kubectl). */
export type SessionModule = Pick<typeof import('../lessons/session.js'), 'LessonSession'> & Pick<typeof import('./lesson/LessonScreen.js'), 'LessonScreen'>;

let loaded: SessionModule | undefined;
let loading: Promise<SessionModule> | undefined;

/** Loads the session module once; later calls share the same promise. */
export function loadSessionModule(): Promise<SessionModule> {
  loading ??= Promise.all([import('../lessons/session.js'), import('./lesson/LessonScreen.js')]).then(([s, l]) => (loaded = { LessonSession: s.LessonSession, LessonScreen: l.LessonScreen }));
  return loading;
}

/** The session module if it has finished loading, else undefined. */
export function sessionModule(): SessionModule | undefined {
  return loaded;
}
