package org.mekongledger.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.validation.Validation;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The service is configured through typed settings records ({@code @ConfigurationProperties}), and
 * every value they read is stated once, in {@code application.yml}: no default hides in Java.
 */
class SettingsTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.mekongledger");

    @Test
    void noLedgerPropertyIsReadThroughValue() {
        List<String> reads = new ArrayList<>();
        for (JavaClass type : CLASSES) {
            Class<?> reflected = type.reflect();
            List<Executable> executables = new ArrayList<>(List.of(reflected.getDeclaredConstructors()));
            executables.addAll(List.of(reflected.getDeclaredMethods()));
            for (Executable executable : executables) {
                for (Parameter parameter : executable.getParameters()) {
                    readsLedgerProperty(parameter.getAnnotation(Value.class), executable.toString(), reads);
                }
            }
            for (Field field : reflected.getDeclaredFields()) {
                readsLedgerProperty(field.getAnnotation(Value.class), field.toString(), reads);
            }
        }
        assertThat(reads).as("ledger properties read through @Value instead of the module's settings record").isEmpty();
    }

    private static void readsLedgerProperty(Value value, String where, List<String> reads) {
        if (value != null && value.value().contains("${ledger.")) {
            reads.add(value.value() + " in " + where);
        }
    }

    @Test
    void everyValueOfEverySettingsRecordIsInApplicationYml() throws IOException {
        PropertySource<?> yml = applicationYml();
        List<String> missing = new ArrayList<>();
        for (Class<?> settings : settingsRecords()) {
            collectMissing(yml, prefix(settings), settings, missing);
        }
        assertThat(missing).as("keys the settings records read that application.yml does not state").isEmpty();
    }

    @Test
    void everySettingsRecordBindsAndValidatesFromApplicationYmlAlone() throws IOException {
        Binder binder = new Binder(ConfigurationPropertySources.from(applicationYml()), null,
                ApplicationConversionService.getSharedInstance());
        var validator = new SpringValidatorAdapter(Validation.buildDefaultValidatorFactory().getValidator());
        for (Class<?> settings : settingsRecords()) {
            Object bound = binder.bind(prefix(settings), Bindable.of(settings),
                    new ValidationBindHandler(validator)).orElse(null);
            assertThat(bound).as(settings.getSimpleName()).isNotNull();
        }
    }

    private static List<Class<?>> settingsRecords() {
        List<Class<?>> records = CLASSES.stream()
                .filter(type -> type.isAnnotatedWith(ConfigurationProperties.class))
                .<Class<?>>map(JavaClass::reflect)
                .toList();
        assertThat(records).as("settings records found").hasSizeGreaterThanOrEqualTo(7);
        assertThat(records).allSatisfy(type -> assertThat(type.isRecord()).as(type.getName()).isTrue());
        return records;
    }

    private static String prefix(Class<?> settings) {
        ConfigurationProperties annotation = settings.getAnnotation(ConfigurationProperties.class);
        return annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
    }

    /** Nested records are sections of their own; every other component is a value the file must state. */
    private static void collectMissing(PropertySource<?> yml, String prefix, Class<?> type, List<String> missing) {
        for (RecordComponent component : type.getRecordComponents()) {
            String key = prefix + "." + kebab(component.getName());
            if (component.getType().isRecord()) {
                collectMissing(yml, key, component.getType(), missing);
            } else if (!stated(yml, key)) {
                missing.add(key + " (" + type.getSimpleName() + ")");
            }
        }
    }

    private static boolean stated(PropertySource<?> yml, String key) {
        if (yml.containsProperty(key)) {
            return true;
        }
        Object source = yml.getSource();
        return source instanceof Map<?, ?> map
                && map.keySet().stream().map(String::valueOf).anyMatch(name -> name.startsWith(key + "[")
                        || name.startsWith(key + "."));
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static PropertySource<?> applicationYml() throws IOException {
        return new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml")).get(0);
    }
}
