package org.bakusoku.cpu;

/**
 * The board families the overclock profiles are made for, decided from the Raspberry Pi revision code
 * (Raspberry Pi documentation, "Raspberry Pi revision codes": processor field, bits 12..15).
 */
public enum Board {
    /** BCM2711: Raspberry Pi 4 Model B, Pi 400, Compute Module 4. */
    PI4,
    /** BCM2712: Raspberry Pi 5, Pi 500, Compute Module 5. */
    PI5,
    /** A Raspberry Pi of another family (Pi 3, Zero 2 W, ...): readings only, no overclock profiles. */
    OTHER_PI,
    /** Not a Raspberry Pi (no Raspberry Pi model in the device tree): readings only. */
    NOT_PI
}
