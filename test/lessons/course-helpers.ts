import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * Writes a throwaway course: `files` maps paths under the course root
 * (`lessons/01-x/lesson.yaml`, `solutions/01-x/stage.sh`) to their text. Returns the root.
 */
export function writeCourse(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'kubetutor-course-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}
