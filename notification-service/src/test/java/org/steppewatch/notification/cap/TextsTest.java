package org.steppewatch.notification.cap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

/** The three bundles say the same things: every key in every language, Kazakh in Cyrillic. */
class TextsTest {

    private final Texts texts = Texts.shipped();

    @Test
    void everyLanguageHasEveryKey() {
        Set<String> en = texts.keys("en");
        assertThat(en).contains("instruction.Shelter", "mail.confirm.body", "headline.place", "feed.title");
        for (String language : Texts.LANGUAGES) {
            assertThat(texts.keys(language)).as(language).containsExactlyInAnyOrderElementsOf(en);
        }
    }

    @Test
    void kazakhIsWrittenInCyrillicWithItsOwnLetters() {
        String kazakhLetters = "әғқңөұүһі";
        long withKazakhLetters = texts.keys("kk").stream().map(k -> texts.text("kk", k))
                .filter(t -> t.chars().anyMatch(c -> kazakhLetters.indexOf(Character.toLowerCase(c)) >= 0)).count();
        // most texts use ә, ғ, қ, ң, ө, ұ, ү or і; none is left in English
        assertThat(withKazakhLetters).isGreaterThan(texts.keys("kk").size() / 2);
        for (String key : texts.keys("kk")) {
            String kk = texts.text("kk", key);
            if (!key.startsWith("substance.") && !key.startsWith("level.AEGL") && !kk.equals(texts.text("en", key))) {
                assertThat(kk).as(key).containsPattern("\\p{IsCyrillic}");
            }
        }
        assertThat(texts.text("kk", "instruction.Shelter")).isNotEqualTo(texts.text("ru", "instruction.Shelter"));
    }

    @Test
    void patternsFillTheirArguments() {
        assertThat(texts.text("ru", "page.confirmed", "Школа Акай")).isEqualTo(
                "Подписка «Школа Акай» подтверждена. Теперь вы будете получать оповещения Steppe Watch.");
        assertThat(texts.optional("en", "substance.NOPE")).isEmpty();
    }
}
