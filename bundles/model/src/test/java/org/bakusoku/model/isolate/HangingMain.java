package org.bakusoku.model.isolate;

/** A child that never finishes, like a model stuck in a kernel loop. */
public final class HangingMain {

    private HangingMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Object never = new Object();
        synchronized (never) {
            never.wait();
        }
    }
}
