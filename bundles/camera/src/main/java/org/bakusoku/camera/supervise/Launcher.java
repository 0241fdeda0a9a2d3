package org.bakusoku.camera.supervise;

/** Starts a new {@link Session} of a source. */
@FunctionalInterface
public interface Launcher {

    /**
     * @return the started session
     * @throws LaunchException if it cannot even start (decoder not installed, bad device path)
     */
    Session launch() throws LaunchException;

    /** A session could not start. */
    final class LaunchException extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean fatal;

        /**
         * @param reason what went wrong, for a person, without credentials
         * @param fatal  true when retrying cannot help until the configuration changes
         */
        public LaunchException(String reason, boolean fatal) {
            super(reason);
            this.fatal = fatal;
        }

        /** @return true when retrying cannot help */
        public boolean fatal() {
            return fatal;
        }
    }
}
