package org.bakusoku.bench;

/**
 * Runs the bench from a class path, without OSGi: {@code java -cp <bench, detect-tflite, pipeline, camera, api,
 * javacpp and tensorflow-lite jars with natives, jackson, slf4j> org.bakusoku.bench.BenchMain --model ... }.
 * The appliance jar runs the same code with {@code java -jar bakusoku.jar bench ...}.
 */
public final class BenchMain {

    private BenchMain() {
    }

    /**
     * @param args the bench options, optionally after the word {@code bench}
     */
    public static void main(String[] args) {
        System.exit(Bench.command(Bench.afterCommandWord(args), System.out, System.err));
    }
}
