/**
 * A container's root filesystem from its image: the usual Linux directories, the image's
 * working directory and the files the catalog says it ships (nginx's index.html …).
 * Each container gets its own copy; writes to it vanish with the container, as with a
 * real writable layer.
 */
import type { ImageProfile } from '../../images/types.js';
import { createMemoryFs } from './memory-fs.js';
import type { ContainerFs } from './types.js';

/** Directories every image has. */
const STANDARD_DIRS = [
  '/bin', '/dev', '/etc', '/home', '/lib', '/mnt', '/opt', '/proc', '/root', '/run', '/sbin', '/srv', '/sys', '/tmp',
  '/usr/bin', '/usr/local/bin', '/usr/sbin', '/usr/share', '/var/log', '/var/run', '/var/tmp', '/var/lib',
];

/**
 * A fresh root filesystem for a container of this image. With a `hostname`, /etc/hostname
 * holds it, as the file containerd bind-mounts from the pod sandbox does.
 */
export function createRootFs(profile: ImageProfile, hostname?: string): ContainerFs {
  const dirs = profile.shell === null ? ['/dev', '/etc', '/proc', '/sys', '/tmp'] : STANDARD_DIRS;
  const files = hostname === undefined ? profile.files ?? {} : { ...profile.files, '/etc/hostname': `${hostname}\n` };
  return createMemoryFs(files, [...dirs, ...(profile.workingDir ? [profile.workingDir] : [])]);
}
