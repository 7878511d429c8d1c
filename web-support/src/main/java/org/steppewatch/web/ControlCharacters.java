package org.steppewatch.web;

/**
 * Characters that have no business in text people read: C0 controls (but tab, line feed and carriage return in
 * free text), DEL and the C1 controls, the bidirectional overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069), which can make a text read differently from what it says, and lone surrogates, which are no
 * character at all. Validators refuse them at input ({@link #problem}); whatever writes alerts, feeds or mail
 * strips them at output ({@link #strip}, {@link #stripToLine}), since events may come from elsewhere.
 */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    /**
     * Why {@code value} is refused, or null when it is acceptable.
     *
     * @param multiline whether line breaks and tabs are allowed (descriptions, reasons) or not (names, titles)
     */
    public static String problem(String value, boolean multiline) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
                continue;
            }
            if (Character.isSurrogate(c)) {
                return "contains a lone surrogate (U+" + hex(c) + ") at position " + i;
            }
            if (isLineBreakOrTab(c)) {
                if (!multiline) {
                    return "must be one line: contains " + (c == '\t' ? "a tab" : "a line break") + " at position " + i;
                }
            } else if (refused(c)) {
                return "contains the control character U+" + hex(c) + " at position " + i;
            }
        }
        return null;
    }

    /** {@code value} without the refused characters; line breaks and tabs kept. Null stays null. */
    public static String strip(String value) {
        return clean(value, false);
    }

    /** {@code value} on one line: refused characters removed, line breaks and tabs turned into spaces. */
    public static String stripToLine(String value) {
        return clean(value, true);
    }

    private static String clean(String value, boolean oneLine) {
        if (value == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1));
            String replacement = pair ? null
                    : Character.isSurrogate(c) || refused(c) ? ""
                    : oneLine && isLineBreakOrTab(c) ? " "
                    : null;
            if (replacement != null && out == null) {
                out = new StringBuilder(value.length()).append(value, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.append(c);
                    if (pair) {
                        out.append(value.charAt(++i));
                    }
                }
            } else if (pair) {
                i++;
            }
        }
        return out == null ? value : out.toString();
    }

    private static boolean isLineBreakOrTab(char c) {
        return c == '\t' || c == '\n' || c == '\r';
    }

    private static boolean refused(char c) {
        return c < 0x20 && !isLineBreakOrTab(c)
                || c >= 0x7F && c <= 0x9F
                || c >= 0x202A && c <= 0x202E
                || c >= 0x2066 && c <= 0x2069;
    }

    private static String hex(char c) {
        return String.format("%04X", (int) c);
    }
}
