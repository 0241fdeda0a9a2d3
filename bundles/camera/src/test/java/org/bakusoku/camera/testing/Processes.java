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

    /** @return live threads whose name starts with {@code prefix} */
    public static List<String> threads(String prefix) {
        Set<Thread> all = Thread.getAllStackTraces().keySet();
        return all.stream().filter(Thread::isAlive).map(Thread::getName).filter(n -> n.startsWith(prefix)).toList();
    }
}
