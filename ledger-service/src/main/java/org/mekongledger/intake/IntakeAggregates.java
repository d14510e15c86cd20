package org.mekongledger.intake;

import java.time.Clock;

import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.mekongledger.account.WorkerAccount;
import org.mekongledger.employer.Employer;
import org.mekongledger.filing.ContributionFiling;
import org.mekongledger.filing.FilingIntake;
import org.mekongledger.filing.FilingPeriodRegister;
import org.mekongledger.rulelibrary.RuleLibrary;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The filing aggregate and the intake that prices a filing's lines and books them on workers' accounts. */
@Configuration(proxyBeanMethods = false)
class IntakeAggregates {

    @Bean
    ConfigurerModule filingIntake(RuleLibrary rules, FilingPeriodRegister periods, Clock clock) {
        return configurer -> configurer
                .configureAggregate(AggregateConfigurer.defaultConfiguration(ContributionFiling.class))
                .registerCommandHandler(c -> new FilingIntake(c.repository(ContributionFiling.class),
                        c.repository(WorkerAccount.class), c.repository(Employer.class),
                        rules::catalogueForFiling, periods, clock));
    }
}
