package org.mekongledger.settlement.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import org.mekongledger.settlement.SettlementBatchApplication;
import org.mekongledger.settlement.ledger.Ledger;

/**
 * The batch's Spring context over a fresh database of its own (one per test class) and a
 * {@link FakeLedger}; the clock stands at 2026-12-01 10:00 in Bangkok.
 */
@SpringBootTest(classes = {SettlementBatchApplication.class, BatchTestBase.Fakes.class},
        properties = {"settlement.page-size=7", "settlement.chunk-size=1000"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public abstract class BatchTestBase {

    public static final Instant NOW = Instant.parse("2026-12-01T03:00:00Z");

    @Autowired
    protected FakeLedger ledger;
    @Autowired
    protected JdbcTemplate jdbc;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = TestDatabase.fresh(BatchTestBase.class);
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> TestDatabase.USER);
    }

    @BeforeEach
    void cleanSlate() {
        ledger.reset();
        jdbc.update("delete from settlement.payment");
        jdbc.update("delete from settlement.withdrawn_payment");
        jdbc.update("delete from settlement.run");
        jdbc.update("delete from settlement.status_report");
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Fakes {
        @Bean
        FakeLedger fakeLedger() {
            return new FakeLedger();
        }

        @Bean
        @Primary
        Ledger primaryLedger(FakeLedger fake) {
            return fake;
        }

        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }
}
