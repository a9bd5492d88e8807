package fr.relais.journey.service;

import java.security.SecureRandom;

/**
 * Resume codes: 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L, 5/S, 2/Z, 8/B), so a
 * code read out on the phone or copied from a screen is not mistaken. 25 symbols (20 letters, 5 digits):
 * 25^8 ≈ 1.5e11 codes.
 */
public final class ResumeCodes {

    public static final String ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679";
    public static final int LENGTH = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ResumeCodes() {
    }

    public static String generate() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** Upper-cases and drops spaces and dashes that people add when they read a code out. */
    public static String normalise(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(java.util.Locale.ROOT);
    }

    public static boolean isWellFormed(String code) {
        if (code.length() != LENGTH) {
            return false;
        }
        for (char c : code.toCharArray()) {
            if (ALPHABET.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }
}
