package org.mekongledger.console;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The console's six languages: English, Thai, Burmese, Khmer, Lao and Vietnamese. {@code ?lang=my}
 * switches, and a cookie remembers the officer's choice; without one, the browser's language if it
 * is one of the six, else English.
 */
@Configuration
class ConsoleLanguages implements WebMvcConfigurer {

    static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.forLanguageTag("th"), Locale.forLanguageTag("my"),
            Locale.forLanguageTag("km"), Locale.forLanguageTag("lo"), Locale.forLanguageTag("vi"));

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("ledger-console-language");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieHttpOnly(true);
        resolver.setDefaultLocaleFunction(request -> {
            Locale asked = request.getLocale();
            return LANGUAGES.stream().filter(l -> l.getLanguage().equals(asked.getLanguage())).findFirst()
                    .orElse(Locale.ENGLISH);
        });
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        // a statement's language is the worker's, not the officer's: printing one leaves the console's as it was
        registry.addInterceptor(change).addPathPatterns("/console", "/console/**")
                .excludePathPatterns("/console/workers/*/statement");
    }
}
