package org.bakusoku.camera.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.bakusoku.frame.CameraState;
import org.bakusoku.frame.FrameSourceStatus;

/** Records every status a camera reports and lets a test wait for one (an event, with a deadline as a guard). */
public final class StatusRecorder {

    private final List<FrameSourceStatus> statuses = new ArrayList<>();

    /** Records one status; the listener method of a camera. */
    public synchronized void changed(FrameSourceStatus status, CameraState previous) {
        statuses.add(status);
        notifyAll();
    }

    /** @return how many statuses were recorded so far */
    public synchronized int size() {
        return statuses.size();
    }

    /** @return all statuses so far */
    public synchronized List<FrameSourceStatus> all() {
        return List.copyOf(statuses);
    }

    /** @return the states recorded from index {@code from} on, e.g. "RETRYING" */
    public synchronized List<String> statesFrom(int from) {
        return statuses.subList(from, statuses.size()).stream().map(s -> s.state().name())
                .collect(Collectors.toList());
    }

    /**
     * Waits for a status matching the condition, recorded at or after index {@code from}.
     *
     * @return its index
     * @throws AssertionError if none arrives before the guard deadline
     */
    public synchronized int await(Predicate<FrameSourceStatus> condition, int from, long guardMs)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + guardMs;
        for (int i = from;; ) {
            for (; i < statuses.size(); i++) {
                if (condition.test(statuses.get(i))) {
                    return i;
                }
            }
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                throw new AssertionError("no matching camera status within " + guardMs + " ms; got "
                        + new ArrayList<>(statuses));
            }
            wait(left);
        }
    }

    /** @return a condition on the state */
    public static Predicate<FrameSourceStatus> state(CameraState state) {
        return s -> s.state() == state;
    }
}
