/**
 * In-memory filesystems for containers: one per image layer set or volume, and a mounted
 * view that routes paths under each mount point to the volume's store. Volumes are plain
 * ContainerFs values, so an emptyDir shared by two containers is one store seen by both.
 */
import type { ContainerFs, FsResult } from './types.js';

/** Normalises an absolute path: collapses `//`, `.` and `..`, drops a trailing slash. */
export function normalizePath(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return '/' + out.join('/');
}

function parentOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

const OK: FsResult = { ok: true };

/** A filesystem held in memory, seeded with files (parent directories are created). */
export function createMemoryFs(files: Readonly<Record<string, string>> = {}, dirs: readonly string[] = []): ContainerFs {
  const fileMap = new Map<string, string>();
  const dirSet = new Set<string>(['/']);
  const addParents = (path: string): void => {
    for (let p = parentOf(path); !dirSet.has(p); p = parentOf(p)) dirSet.add(p);
  };
  for (const d of dirs) {
    const p = normalizePath(d);
    dirSet.add(p);
    addParents(p);
  }
  for (const [path, content] of Object.entries(files)) {
    const p = normalizePath(path);
    fileMap.set(p, content);
    addParents(p);
  }
  const stat = (path: string): 'file' | 'dir' | undefined => {
    const p = normalizePath(path);
    return fileMap.has(p) ? 'file' : dirSet.has(p) ? 'dir' : undefined;
  };
  return {
    read: (path) => fileMap.get(normalizePath(path)),
    stat,
    exists: (path) => stat(path) !== undefined,
    write(path, content, options = {}) {
      const p = normalizePath(path);
      if (dirSet.has(p)) return { ok: false, error: 'EISDIR' };
      const parent = parentOf(p);
      if (fileMap.has(parent)) return { ok: false, error: 'ENOTDIR' };
      if (!dirSet.has(parent)) return { ok: false, error: 'ENOENT' };
      fileMap.set(p, options.append ? (fileMap.get(p) ?? '') + content : content);
      return OK;
    },
    list(path) {
      const p = normalizePath(path);
      if (!dirSet.has(p)) return undefined;
      const prefix = p === '/' ? '/' : p + '/';
      const names = new Set<string>();
      for (const key of [...fileMap.keys(), ...dirSet]) {
        if (key !== p && key.startsWith(prefix) && !key.slice(prefix.length).includes('/')) names.add(key.slice(prefix.length));
      }
      return [...names].sort();
    },
    mkdir(path, options = {}) {
      const p = normalizePath(path);
      if (fileMap.has(p) || (dirSet.has(p) && !options.parents)) return { ok: false, error: 'EEXIST' };
      if (!options.parents && !dirSet.has(parentOf(p))) return { ok: false, error: 'ENOENT' };
      for (let q = p; q !== '/' && !dirSet.has(q); q = parentOf(q)) {
        if (fileMap.has(q)) return { ok: false, error: 'ENOTDIR' };
      }
      dirSet.add(p);
      addParents(p);
      return OK;
    },
    remove(path, options = {}) {
      const p = normalizePath(path);
      if (fileMap.delete(p)) return OK;
      if (!dirSet.has(p) || p === '/') return { ok: false, error: 'ENOENT' };
      const prefix = p + '/';
      const children = [...fileMap.keys(), ...dirSet].filter((k) => k.startsWith(prefix));
      if (children.length > 0 && !options.recursive) return { ok: false, error: 'ENOTEMPTY' };
      for (const k of children) {
        fileMap.delete(k);
        dirSet.delete(k);
      }
      dirSet.delete(p);
      return OK;
    },
  };
}

/** A volume mounted into a container. */
export interface Mount {
  /** Absolute mount point in the container. */
  readonly path: string;
  /** The volume's store; paths inside it are relative to its root. */
  readonly fs: ContainerFs;
  readonly readOnly?: boolean;
  /** `subPath` of the volumeMount: a directory (or file) inside the volume to mount instead of its root. */
  readonly subPath?: string;
}

/**
 * The container's view: the root filesystem with volumes mounted over it. A mount hides
 * what the image had under its mount point, as a real bind mount does (an emptyDir over
 * /usr/share/nginx/html leaves nginx with an empty docroot).
 */
export function createMountedFs(root: ContainerFs, mounts: readonly Mount[]): ContainerFs {
  // Longest mount point first so nested mounts win.
  const sorted = [...mounts].map((m) => ({ ...m, path: normalizePath(m.path) })).sort((a, b) => b.path.length - a.path.length);
  const route = (path: string): { fs: ContainerFs; path: string; readOnly: boolean; mountPoint: string | undefined } => {
    const p = normalizePath(path);
    for (const m of sorted) {
      if (p === m.path || p.startsWith(m.path + '/')) {
        const inner = normalizePath((m.subPath ? '/' + m.subPath : '') + '/' + p.slice(m.path.length));
        return { fs: m.fs, path: inner, readOnly: m.readOnly ?? false, mountPoint: m.path };
      }
    }
    return { fs: root, path: p, readOnly: false, mountPoint: undefined };
  };
  const mountPointsIn = (dir: string): string[] => {
    const prefix = dir === '/' ? '/' : dir + '/';
    return sorted
      .filter((m) => m.path.startsWith(prefix) && !m.path.slice(prefix.length).includes('/'))
      .map((m) => m.path.slice(prefix.length));
  };
  const stat = (path: string): 'file' | 'dir' | undefined => {
    const r = route(path);
    const s = r.fs.stat(r.path);
    if (s) return s;
    // A mount point exists as a directory even when its parent does not in the image.
    return sorted.some((m) => m.path === normalizePath(path) || m.path.startsWith(normalizePath(path) + '/')) ? 'dir' : undefined;
  };
  return {
    read: (path) => {
      const r = route(path);
      return r.fs.read(r.path);
    },
    stat,
    exists: (path) => stat(path) !== undefined,
    write(path, content, options) {
      const r = route(path);
      if (r.readOnly) return { ok: false, error: 'EROFS' };
      return r.fs.write(r.path, content, options);
    },
    list(path) {
      const p = normalizePath(path);
      const r = route(p);
      const own = r.fs.list(r.path);
      const extra = mountPointsIn(p);
      if (!own && extra.length === 0) return stat(p) === 'dir' ? [] : undefined;
      return [...new Set([...(own ?? []), ...extra])].sort();
    },
    mkdir(path, options) {
      const r = route(path);
      if (r.readOnly) return { ok: false, error: 'EROFS' };
      if (r.path === '/' && r.mountPoint) return options?.parents ? OK : { ok: false, error: 'EEXIST' };
      return r.fs.mkdir(r.path, options);
    },
    remove(path, options) {
      const r = route(path);
      if (r.readOnly) return { ok: false, error: 'EROFS' };
      return r.fs.remove(r.path, options);
    },
  };
}
