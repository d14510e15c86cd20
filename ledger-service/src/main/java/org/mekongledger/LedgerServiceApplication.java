package org.mekongledger;

import org.mekongledger.database.FallbackDatabase;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class LedgerServiceApplication {

    /** Axon's update checker reads a system property, not Spring's environment. */
    static final String AXONIQ_UPDATE_CHECKER_DISABLED = "axoniq.update-checker.disabled";

    public static void main(String[] args) {
        // this system never sends data out: no phoning home to AxonIQ
        System.setProperty(AXONIQ_UPDATE_CHECKER_DISABLED, "true");
        System.setProperty("disable-axoniq-console-message", "true");
        SpringApplication application = new SpringApplication(LedgerServiceApplication.class);
        // the first minute on a machine with only Java: a database of its own when none is configured
        application.addListeners(new FallbackDatabase());
        application.run(args);
    }
}
