package org.bakusoku.model.isolate;

import org.bytedeco.javacpp.Pointer;

/**
 * A child that dies the way a native crash in TensorFlow Lite kills a JVM: native code (JavaCPP's memset) writes
 * to an unmapped address, SIGSEGV, and the JVM aborts. (A fault inside {@code Unsafe} would only throw.)
 */
public final class CrashingMain {

    private CrashingMain() {
    }

    public static void main(String[] args) {
        System.out.println("BAKUSOKU-VALIDATE loaded [1,8,8,3] UINT8");
        Pointer wild = new Pointer() {
            {
                address = 16;
            }
        };
        Pointer.memset(wild, 0, 64);
    }
}
