package org.steppewatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ControlCharactersTest {

    @Test
    void ordinaryTextInAnyScriptIsAccepted() {
        assertThat(ControlCharacters.problem("Төретам — Торетам, 9 548 people 🚀", false)).isNull();
        assertThat(ControlCharacters.problem("line one\nline two\r\n\tindented", true)).isNull();
    }

    @Test
    void c0ControlsAreRefusedButLineBreaksOnlyInOneLineText() {
        assertThat(ControlCharacters.problem("bell\u0007", true)).isEqualTo("contains the control character U+0007 at position 4");
        assertThat(ControlCharacters.problem("nul\u0000", true)).isEqualTo("contains the control character U+0000 at position 3");
        assertThat(ControlCharacters.problem("two\nlines", false)).isEqualTo("must be one line: contains a line break at position 3");
        assertThat(ControlCharacters.problem("a\tb", false)).isEqualTo("must be one line: contains a tab at position 1");
    }

    @Test
    void c1ControlsBidiOverridesAndLoneSurrogatesAreRefused() {
        // U+0085 NEL, U+009B CSI (a terminal escape), U+202E RIGHT-TO-LEFT OVERRIDE, U+2066 LEFT-TO-RIGHT ISOLATE
        assertThat(ControlCharacters.problem("x\u0085", true)).contains("U+0085");
        assertThat(ControlCharacters.problem("\u009B31m", true)).contains("U+009B");
        assertThat(ControlCharacters.problem("invoice\u202Efdp.exe", false)).contains("U+202E");
        assertThat(ControlCharacters.problem("\u2066x", false)).contains("U+2066");
        assertThat(ControlCharacters.problem("broken \uD83D pair", true)).isEqualTo("contains a lone surrogate (U+D83D) at position 7");
        assertThat(ControlCharacters.problem("end \uDE80", true)).contains("lone surrogate (U+DE80)");
    }

    @Test
    void stripRemovesWhatIsRefusedAndKeepsTheRest() {
        assertThat(ControlCharacters.strip("Bai\u0000ko\u202Enur\u0007\n🚀 \uD83D\t!")).isEqualTo("Baikonur\n🚀 \t!");
        assertThat(ControlCharacters.strip("clean")).isSameAs("clean");
        assertThat(ControlCharacters.strip(null)).isNull();
    }

    @Test
    void stripToLineAlsoTurnsLineBreaksIntoSpaces() {
        assertThat(ControlCharacters.stripToLine("Subject\r\nBcc: victim@example.org\u0000")).isEqualTo("Subject  Bcc: victim@example.org");
    }
}
