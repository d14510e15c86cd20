package org.mekongledger.rulelibrary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.mekongledger.support.ApiClient.Response;
import org.mekongledger.support.ApiTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The rule-set revision row serialises amendments with filings, whichever replica runs them. */
class RuleSetRevisionTest extends ApiTestBase {

    @Autowired
    RuleLibrary library;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void anAmendmentWaitsForAFilingThatReadTheRulesAndIsInForceForTheNextOne() throws Exception {
        long before = library.revision();
        CountDownLatch rulesRead = new CountDownLatch(1);
        CountDownLatch mayCommit = new CountDownLatch(1);
        CompletableFuture<Void> filing = CompletableFuture.runAsync(() -> new TransactionTemplate(transactions)
                .executeWithoutResult(status -> {
                    library.catalogueForFiling();
                    rulesRead.countDown();
                    try {
                        assertThat(mayCommit.await(1, TimeUnit.MINUTES)).isTrue();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
        assertThat(rulesRead.await(30, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Response> amendment = CompletableFuture.supplyAsync(() -> admin(
                "/api/v1/rule-sets/TH_SSF_S33/versions", RuleSetsApiTest.version("2070-01", "2070-01-01", "40000.00")));
        // the amendment is blocked on the revision row the filing holds
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject("""
                select count(*) from pg_locks l join pg_stat_activity a on a.pid = l.pid
                where not l.granted and a.datname = current_database()""", Integer.class) > 0);
        assertThat(amendment).isNotDone();

        mayCommit.countDown();
        filing.get(30, TimeUnit.SECONDS);
        Response added = amendment.get(30, TimeUnit.SECONDS);
        assertThat(added.status()).as(added.raw().body()).isEqualTo(201);
        assertThat(library.revision()).isEqualTo(before + 1);
    }

    @Test
    void aVersionAnotherReplicaCommittedIsLoadedBeforeTheNextFilingAndCheck() {
        long before = library.revision();
        Response first = admin("/api/v1/rule-sets/TH_SSF_S33/versions", RuleSetsApiTest.version("2055-01", "2055-01-01", "41000.00"));
        assertThat(first.status()).as(first.raw().body()).isEqualTo(201);
        // another replica adds 2056-01 behind this one's back
        jdbc.update("""
                insert into rule_set_version (rule_set_id, version, effective_from, parameters, source, added_at, added_by)
                select rule_set_id, '2056-01', date '2056-01-01', parameters, 'other replica', now(), 'someone'
                from rule_set_version where version = '2055-01'""");
        jdbc.update("update rule_set_revision set revision = revision + 1");

        Response sameYear = admin("/api/v1/rule-sets/TH_SSF_S33/versions", RuleSetsApiTest.version("2056-01", "2056-01-01", "42000.00"));
        assertThat(sameYear.status()).as(sameYear.raw().body()).isEqualTo(422);
        assertThat(library.revision()).isEqualTo(before + 2);
        assertThat(read("/api/v1/rule-sets/TH_SSF_S33").json().path("versions").toString()).contains("2056-01");
        // stored without a basis, as versions were before each recorded one: shown as ASSUMED, saying why
        tools.jackson.databind.JsonNode legacy = RuleSetsApiTest.version(read("/api/v1/rule-sets/TH_SSF_S33").json(), "2056-01");
        assertThat(legacy.path("status").asString()).isEqualTo("ASSUMED");
        assertThat(legacy.path("source").path("title").asString()).isEqualTo("other replica");
        assertThat(legacy.path("assumption").asString()).contains("before a source and status were recorded");
    }
}
