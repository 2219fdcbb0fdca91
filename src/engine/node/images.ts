/**
 * A node's images: what containerd has pulled, and the kubelet's serial puller
 * (serializeImagePulls=true): one pull at a time per node, so a pull queued behind another
 * reports the wait in `(… including waiting)`.
 */
import { builtinCatalog, pullDurationMs, type ImageCatalog, type PullOptions, type PullResult } from '../images/catalog.js';
import { parseImageReference } from '../images/reference.js';
import type { ImageInfo } from '../images/types.js';

/** A pull the kubelet has asked for: when it ends and how. */
export interface PullJob {
  readonly image: string;
  readonly requestedAt: number;
  readonly startedAt: number;
  readonly doneAt: number;
  readonly result: PullResult;
}

/** Registry round trip of a pull that fails (the manifest HEAD). */
const FAILED_PULL_MS = 420;
/** A pull of an image containerd already has (only the manifest is checked). */
const CACHED_PULL_MS = 95;

/** One node's image store and puller. */
export class NodeImages {
  /** normalized reference -> image, in the order they arrived. */
  private readonly present = new Map<string, ImageInfo>();
  /** normalized reference -> when a queued pull will have it. */
  private readonly arriving = new Map<string, number>();
  private busyUntil = 0;
  /** Bumped when the set of images changes, so node status knows to report it. */
  version = 0;

  /** `catalog` is the registry this node pulls from (the built-in images plus a lesson's). */
  constructor(private readonly catalog: ImageCatalog = builtinCatalog()) {}

  /** Whether the image (as written in a pod spec) is on the node. */
  has(image: string): ImageInfo | undefined {
    const r = parseImageReference(image);
    if (!r.ok) return undefined;
    const byName = this.present.get(r.ref.normalized);
    if (byName || !r.ref.digest) return byName;
    for (const i of this.present.values()) if (i.digest === r.ref.digest) return i;
    return undefined;
  }

  /** Puts an image on the node without a pull (images baked into the node at install). */
  preload(image: string): void {
    const domain = parseImageReference(image);
    const r = this.catalog.pull(image, { credentials: domain.ok ? [domain.ref.domain] : [] });
    if (!r.ok) throw new Error(`kubelet: cannot preload ${image}`);
    this.add(r.image);
  }

  /** Queues a pull at `now`; the result is known at once but only takes effect at doneAt. */
  requestPull(image: string, now: number, options: PullOptions): PullJob {
    const result = this.catalog.pull(image, options);
    const startedAt = Math.max(now, this.busyUntil);
    let duration: number;
    if (!result.ok) duration = FAILED_PULL_MS;
    else {
      const arriving = this.arriving.get(result.image.normalized);
      const cached = this.present.has(result.image.normalized) || (arriving !== undefined && arriving <= startedAt);
      duration = cached ? CACHED_PULL_MS : pullDurationMs(result.image.size);
    }
    const doneAt = startedAt + duration;
    this.busyUntil = doneAt;
    if (result.ok && !this.arriving.has(result.image.normalized)) this.arriving.set(result.image.normalized, doneAt);
    return { image, requestedAt: now, startedAt, doneAt, result };
  }

  /**
   * Cancels a pull at `now` (its pod was deleted: the kubelet cancels the sync's context and
   * containerd stops fetching). The image does not arrive, and a puller that had nothing
   * queued after it is free again.
   */
  cancel(job: PullJob, now: number): void {
    if (now >= job.doneAt) return;
    if (job.result.ok && this.arriving.get(job.result.image.normalized) === job.doneAt) this.arriving.delete(job.result.image.normalized);
    if (this.busyUntil === job.doneAt) this.busyUntil = Math.max(now, job.startedAt);
  }

  /** Completes a pull whose time has come: the image is now on the node. */
  complete(job: PullJob): void {
    if (job.result.ok) {
      this.arriving.delete(job.result.image.normalized);
      this.add(job.result.image);
    }
  }

  /** Node.status.images: largest first, as the kubelet reports them (at most 50). */
  nodeStatusImages(): { names: string[]; sizeBytes: number }[] {
    return [...this.present.values()]
      .map((i) => ({ names: [i.imageId, i.normalized], sizeBytes: i.size }))
      .sort((a, b) => b.sizeBytes - a.sizeBytes || (a.names[1]! < b.names[1]! ? -1 : 1))
      .slice(0, 50);
  }

  /** Total bytes of images on the node. */
  bytes(): number {
    let n = 0;
    for (const i of this.present.values()) n += i.size;
    return n;
  }

  private add(image: ImageInfo): void {
    if (this.present.has(image.normalized)) return;
    this.present.set(image.normalized, image);
    this.version++;
  }
}

