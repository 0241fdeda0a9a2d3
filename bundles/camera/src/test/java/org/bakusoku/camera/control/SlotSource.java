package org.bakusoku.camera.control;

import org.bakusoku.camera.capture.LatestFrameSlot;
import org.bakusoku.frame.Frame;
import org.bakusoku.frame.FrameSource;

/** A {@link FrameSource} view of a slot, for tests that feed a detector from a {@link Camera}. */
record SlotSource(LatestFrameSlot slot) implements FrameSource {

    @Override
    public Frame latest() {
        return slot.latest();
    }

    @Override
    public Frame awaitNewer(long afterSequence, long timeoutMs) throws InterruptedException {
        return slot.awaitNewer(afterSequence, timeoutMs);
    }

    @Override
    public String description() {
        return "test slot";
    }
}
