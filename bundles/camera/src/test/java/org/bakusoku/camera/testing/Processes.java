package org.bakusoku.camera.testing;

import java.util.List;
import java.util.Set;

/** Counts this JVM's child processes and camera threads, to prove that nothing leaks. */
public final class Processes {

    private Processes() {
    }

    /** @return live descendant processes whose command line contains {@code marker} */
    public static List<ProcessHandle> children(String marker) {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().orElse("").contains(marker)).toList();
    }

    /**
     * Live threads whose name starts with {@code prefix}, after giving ending ones up to {@code graceMs} to exit:
     * an executor's {@code awaitTermination} returns once its tasks are done, a moment before its worker thread
     * is dead, so an immediate look can still see it.
     *
     * @param prefix  thread name prefix
     * @param graceMs how long to wait for the list to become empty, ms
     * @return the threads still alive then (empty if they all ended)
     */
    public static List<String> threadsLeft(String prefix, long graceMs) throws InterruptedException {
        long deadline = System.nanoTime() + graceMs * 1_000_000;
        List<String> left = threads(prefix);
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
            left = threads(prefix);
        }
        return left;
    }

    /** @return live threads whose name starts with {@code prefix} */
    public static List<String> threads(String prefix) {
        Set<Thread> all = Thread.getAllStackTraces().keySet();
        return all.stream().filter(Thread::isAlive).map(Thread::getName).filter(n -> n.startsWith(prefix)).toList();
    }
}
