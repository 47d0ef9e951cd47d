// By-value arrays live in the frame that made them, as they do on a native stack: a `[v; n]` or a
// copy of an array of B bytes (B >= 256) takes floor(B / 256) frames of the task's stack model
// (§6.14: 256 bytes a call) until that frame returns. Without this a recursion holding a big
// array per frame filled the host's memory long before the model's stack ran out.
//
// Each frame has one slot per array site (a loop re-making its array reuses the slot, like a
// native frame's fixed layout). Nothing runs when a frame returns: slots of frames that have
// returned are released lazily, where the limit is consulted — a function entry reaching it
// frees every slot at the new frame's depth or deeper; a reservation frees the deeper ones and,
// at its own depth, those of another function (a returned frame; one of the same function keeps
// its slots, as the same frame layout would). The limit itself is the task's `stackLim`,
// which the scheduler already saves and restores per task.

interface Slot { depth: number; site: number; frames: number }

export const FRAME_BYTES = 256;

export class FrameArrays {
  private readonly byTask = new Map<number, Slot[]>();

  /** Frames to take for an array of `bytes` made at `site` in the frame at `depth` (after the
   *  release of returned frames' slots, counted in `freed`): 0 when its slot is already held. */
  reserve(task: number, depth: number, site: number, bytes: number, fnOf: (site: number) => string): { take: number; freed: number } {
    const frames = Math.floor(bytes / FRAME_BYTES);
    let slots = this.byTask.get(task);
    let freed = slots ? this.popReturned(slots, depth + 1) : 0;
    if (slots && slots.length && slots[slots.length - 1].depth === depth) {
      const fn = fnOf(site);
      for (let i = slots.length - 1; i >= 0 && slots[i].depth === depth; i--) {
        if (fnOf(slots[i].site) !== fn) { freed += slots[i].frames; slots.splice(i, 1); }
      }
    }
    if (frames === 0) return { take: 0, freed };
    if (!slots) this.byTask.set(task, (slots = []));
    for (let i = slots.length - 1; i >= 0 && slots[i].depth === depth; i--) {
      const s = slots[i];
      if (s.site !== site) continue;
      if (s.frames >= frames) return { take: 0, freed };
      const take = frames - s.frames;
      s.frames = frames;
      return { take, freed };
    }
    slots.push({ depth, site, frames });
    return { take: frames, freed };
  }

  /** Frames freed by the slots of frames at `depth` or deeper (they have returned). */
  release(task: number, depth: number): number {
    const slots = this.byTask.get(task);
    return slots ? this.popReturned(slots, depth) : 0;
  }

  /** A finished task's slots go with it. */
  endTask(task: number): void {
    this.byTask.delete(task);
  }

  private popReturned(slots: Slot[], depth: number): number {
    let freed = 0;
    while (slots.length && slots[slots.length - 1].depth >= depth) freed += slots.pop()!.frames;
    return freed;
  }
}
