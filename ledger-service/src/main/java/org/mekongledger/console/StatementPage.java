package org.mekongledger.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.mekongledger.api.RequestRefused;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * A worker's statement as a print-ready HTML page: the worker's language with English beside it
 * (English alone when that is the language), two A4 pages at most. The console and the API serve
 * the same page.
 */
@Component
class StatementPage {

    /** The statement's languages: those of the console. */
    static final List<String> LANGUAGES = ConsoleLanguages.LANGUAGES.stream().map(Locale::getLanguage).toList();
    /** The language a statement is printed in when none is asked for: the worker's own. */
    private static final Map<String, String> BY_NATIONALITY = Map.of("MMR", "my", "KHM", "km", "LAO", "lo", "VNM", "vi");

    private final ITemplateEngine templates;
    private final MessageSource messages;

    StatementPage(ITemplateEngine templates, MessageSource messages) {
        this.templates = templates;
        this.messages = messages;
    }

    /**
     * The language asked for, or the worker's own when none is.
     *
     * @throws RequestRefused naming {@code lang} when it is not one of the six
     */
    static String language(Optional<String> asked, String nationality) {
        String lang = asked.filter(l -> !l.isBlank()).orElse(BY_NATIONALITY.getOrDefault(nationality, "en"));
        if (!LANGUAGES.contains(lang)) {
            throw new RequestRefused("lang", "a statement is printed in one of " + String.join(", ", LANGUAGES));
        }
        return lang;
    }

    String render(WorkerStatement statement, String lang) {
        List<StatementLanguage> columns = new ArrayList<>();
        columns.add(new StatementLanguage(Locale.forLanguageTag(lang), messages));
        if (!lang.equals("en")) {
            columns.add(new StatementLanguage(Locale.ENGLISH, messages));
        }
        Context context = new Context(Locale.forLanguageTag(lang), Map.of(
                "statement", statement,
                "columns", columns,
                "qr", StatementQr.of(statement.code()),
                // worded here: Thymeleaf evaluates attribute expressions in a restricted mode without varargs calls
                "qrLabel", columns.get(0).t("statement.qrLabel")));
        return templates.process("console/statement", context);
    }
}
