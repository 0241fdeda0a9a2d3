package org.bakusoku.relay.pi4j;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bakusoku.relay.ConfigProblem;

/** Refused relay configurations by PID, until fixed or deleted. Thread-safe. */
final class ConfigProblems {

    private final Map<String, ConfigProblem> byPid = new LinkedHashMap<>();

    /** @param problem replaces an earlier problem of the same PID */
    synchronized void add(ConfigProblem problem) {
        byPid.remove(problem.pid());
        byPid.put(problem.pid(), problem);
    }

    /** @param pid a configuration that is fine now, or deleted */
    synchronized void clear(String pid) {
        byPid.remove(pid);
    }

    /** @return oldest first */
    synchronized List<ConfigProblem> list() {
        return new ArrayList<>(byPid.values());
    }
}
