package org.mekongledger.claim;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a payee's name is plainly the worker's, so that an approver sees at a glance the claims
 * paying someone else. It only flags, never refuses: a worker may rightly be paid through a relative.
 *
 * <p>Names are compared as multisets of tokens in Latin letters: accents dropped (Vietnamese
 * diacritics, Đ as D), case and punctuation ignored, Burmese, Thai and Lao honorifics (U, Daw, Ko,
 * Ma, Maung, Nai, Nang, Thao, Mr...) left out, in any order (family name first or last), joined or
 * split tokens taken as one ("AungKyaw" and "Aung Kyaw"), and one typing error allowed in a token of
 * five letters or more. Names written in another script (Thai, Khmer, Lao, Myanmar) are not
 * transliterated: such a name does not match a Latin one and the claim is flagged.
 */
public final class PayeeNameMatch {

    private static final Set<String> HONORIFICS = Set.of(
            "U", "DAW", "KO", "MA", "MAUNG", "MG", "NAI", "NANG", "THAO", "MR", "MRS", "MS", "MISS");
    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    /** Apostrophes and dots join what they sit in ("Mg." is "MG"); any other non-letter separates. */
    private static final Pattern JOINING_PUNCTUATION = Pattern.compile("['’`.]");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final int FUZZY_FROM_LENGTH = 5;
    /** Beyond this many tokens the search for a pairing is not worth its cost: exact comparison only. */
    private static final int MAX_TOKENS = 8;

    private PayeeNameMatch() {
    }

    /** True if {@code payeeName} names the worker given {@code givenName} and {@code familyName}. */
    public static boolean matches(String payeeName, String givenName, String familyName) {
        List<String> payee = tokens(payeeName);
        List<String> worker = tokens(join(givenName, familyName));
        if (payee.isEmpty() || worker.isEmpty()) {
            return false;
        }
        if (payee.size() > MAX_TOKENS || worker.size() > MAX_TOKENS) {
            return sorted(payee).equals(sorted(worker));
        }
        return pair(payee, worker);
    }

    /** The name's tokens, normalised, honorifics left out (unless that leaves nothing). */
    static List<String> tokens(String name) {
        if (name == null) {
            return List.of();
        }
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD);
        String plain = COMBINING_MARKS.matcher(decomposed).replaceAll("")
                .replace('Đ', 'D').replace('đ', 'd')
                .toUpperCase(Locale.ROOT);
        plain = JOINING_PUNCTUATION.matcher(plain).replaceAll("");
        List<String> all = new ArrayList<>(Arrays.asList(SEPARATORS.split(plain.strip())));
        all.removeIf(String::isEmpty);
        List<String> named = new ArrayList<>(all);
        named.removeIf(HONORIFICS::contains);
        return named.isEmpty() ? all : named;
    }

    /**
     * Pairs every token of {@code a} with one of {@code b}: equal (or one edit apart), or the one a
     * prefix of the other, the rest left to pair with the following tokens (a joined name).
     */
    private static boolean pair(List<String> a, List<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.isEmpty() && b.isEmpty();
        }
        String first = a.get(0);
        List<String> restOfA = a.subList(1, a.size());
        for (int i = 0; i < b.size(); i++) {
            String other = b.get(i);
            List<String> restOfB = without(b, i);
            if (alike(first, other) && pair(restOfA, restOfB)) {
                return true;
            }
            if (first.length() > other.length() && first.startsWith(other)
                    && pair(with(restOfA, first.substring(other.length())), restOfB)) {
                return true;
            }
            if (other.length() > first.length() && other.startsWith(first)
                    && pair(restOfA, with(restOfB, other.substring(first.length())))) {
                return true;
            }
        }
        return false;
    }

    private static boolean alike(String one, String other) {
        if (one.equals(other)) {
            return true;
        }
        return one.length() >= FUZZY_FROM_LENGTH && other.length() >= FUZZY_FROM_LENGTH
                && withinOneEdit(one, other);
    }

    /** Levenshtein distance at most one: one letter changed, added or dropped. */
    static boolean withinOneEdit(String one, String other) {
        if (Math.abs(one.length() - other.length()) > 1) {
            return false;
        }
        String shorter = one.length() <= other.length() ? one : other;
        String longer = shorter == one ? other : one;
        int i = 0;
        while (i < shorter.length() && shorter.charAt(i) == longer.charAt(i)) {
            i++;
        }
        if (shorter.length() == longer.length()) {
            return shorter.substring(i + 1).equals(longer.substring(i + 1));
        }
        return shorter.substring(i).equals(longer.substring(i + 1));
    }

    private static List<String> without(List<String> tokens, int index) {
        List<String> rest = new ArrayList<>(tokens);
        rest.remove(index);
        return rest;
    }

    private static List<String> with(List<String> tokens, String extra) {
        List<String> more = new ArrayList<>(tokens);
        more.add(0, extra);
        return more;
    }

    private static List<String> sorted(List<String> tokens) {
        return tokens.stream().sorted().toList();
    }

    private static String join(String givenName, String familyName) {
        return (givenName == null ? "" : givenName) + " " + (familyName == null ? "" : familyName);
    }
}
