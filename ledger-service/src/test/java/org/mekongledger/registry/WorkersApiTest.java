package org.mekongledger.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mekongledger.support.ApiClient.Response;
import org.mekongledger.support.ApiTestBase;

class WorkersApiTest extends ApiTestBase {

    @Test
    void registersAWorkerAndReadsThemBack() {
        Response created = admin("/api/v1/workers", worker("KHM", "PASSPORT", "N0123456"));

        assertThat(created.status()).isEqualTo(201);
        String workerId = created.json().path("workerId").asString();
        assertThat(created.header("Location")).isEqualTo("/api/v1/workers/" + workerId);

        Response worker = eventually("/api/v1/workers/" + workerId, r -> r.status() == 200);
        assertThat(worker.json().path("nationality").asString()).isEqualTo("KHM");
        assertThat(worker.json().path("dateOfBirth").asString()).isEqualTo("1991-07-14");
        assertThat(worker.json().path("documents").get(0).path("number").asString()).isEqualTo("N0123456");
        assertThat(worker.json().path("documents").get(0).path("validUntil").asString()).isEqualTo("2030-01-31");
        assertThat(worker.json().path("contacts").get(0).path("channel").asString()).isEqualTo("LINE");
    }

    @Test
    void findsAWorkerByAnyDocumentHoweverTheNumberIsTyped() {
        String workerId = registeredWith("PINK_CARD", "00-1234-567890-1", "THA");

        Response found = eventually("/api/v1/workers?documentType=PINK_CARD&documentNumber=0012345678901&issuingCountry=THA",
                r -> r.json().path("workers").size() == 1);

        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().path("workers").get(0).path("workerId").asString()).isEqualTo(workerId);
        assertThat(read("/api/v1/workers?documentType=PINK_CARD&documentNumber=999&issuingCountry=THA")
                .json().path("workers")).isEmpty();
    }

    @Test
    void aDocumentAlreadyLinkedToAnotherWorkerIsAConflictAndRecordsNothing() {
        registeredWith("PASSPORT", "MB7654321", "MMR");
        long events = eventCount();

        Response second = admin("/api/v1/workers", worker("MMR", "PASSPORT", "mb 765 4321"));

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.contentType()).startsWith("application/problem+json");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void linksARenewedDocumentSoTheWorkerIsFoundByEither() {
        String workerId = registeredWith("PINK_CARD", "00-2222-333333-4", "THA");

        Response linked = admin("/api/v1/workers/" + workerId + "/documents",
                Map.of("type", "PASSPORT", "number", "MC1112223", "issuingCountry", "MMR"));

        assertThat(linked.status()).isEqualTo(201);
        assertThat(eventually("/api/v1/workers?documentType=PASSPORT&documentNumber=MC1112223&issuingCountry=MMR",
                r -> r.json().path("workers").size() == 1)
                .json().path("workers").get(0).path("workerId").asString()).isEqualTo(workerId);
        Response worker = eventually("/api/v1/workers/" + workerId, r -> r.json().path("documents").size() == 2);
        assertThat(worker.json().path("documents").get(1).path("type").asString()).isEqualTo("PASSPORT");
    }

    @Test
    void linkingADocumentOfAnotherWorkerOrTwiceIsAConflict() {
        String first = registeredWith("WORK_PERMIT", "WP-1", "THA");
        String second = registeredWith("WORK_PERMIT", "WP-2", "THA");

        assertThat(admin("/api/v1/workers/" + second + "/documents",
                Map.of("type", "WORK_PERMIT", "number", "WP-1", "issuingCountry", "THA")).status()).isEqualTo(409);
        assertThat(admin("/api/v1/workers/" + first + "/documents",
                Map.of("type", "WORK_PERMIT", "number", "wp1", "issuingCountry", "THA")).status()).isEqualTo(409);
    }

    @Test
    void linkingToAnUnknownWorkerIsNotFound() {
        Response response = admin("/api/v1/workers/" + randomId() + "/documents",
                Map.of("type", "PASSPORT", "number", "X1", "issuingCountry", "LAO"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void anUnknownWorkerIsNotFound() {
        Response response = read("/api/v1/workers/" + randomId());

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().path("status").asInt()).isEqualTo(404);
    }

    @Test
    void invalidRegistrationNamesEveryOffendingFieldAndRecordsNothing() {
        long events = eventCount();
        Map<String, Object> invalid = new java.util.HashMap<>(worker("LAO", "PASSPORT", "P1"));
        invalid.put("givenName", "");
        invalid.put("nationality", "Lao");
        invalid.put("documents", List.of());

        Response response = admin("/api/v1/workers", invalid);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.errorFields()).containsExactlyInAnyOrder("givenName", "nationality", "documents");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void aValueOutsideAnEnumerationIsNamed() {
        Map<String, Object> invalid = new java.util.HashMap<>(worker("VNM", "PASSPORT", uniqueNumber("V")));
        invalid.put("sex", "Q");

        Response response = admin("/api/v1/workers", invalid);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.errorFields()).containsExactly("sex");
    }

    @Test
    void aDateOfBirthInTheFutureIsRefused() {
        Map<String, Object> invalid = new java.util.HashMap<>(worker("VNM", "PASSPORT", uniqueNumber("V")));
        invalid.put("dateOfBirth", "2999-01-01");

        assertThat(admin("/api/v1/workers", invalid).errorFields()).containsExactly("dateOfBirth");
    }

    @Test
    void theSameDocumentTwiceInOneRegistrationIsRefused() {
        Map<String, Object> invalid = new java.util.HashMap<>(worker("KHM", "PASSPORT", "N77"));
        invalid.put("documents", List.of(Map.of("type", "PASSPORT", "number", "N77", "issuingCountry", "KHM"),
                Map.of("type", "PASSPORT", "number", "n-77", "issuingCountry", "KHM")));

        Response response = admin("/api/v1/workers", invalid);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.errorFields()).containsExactly("documents[1]");
    }

    @Test
    void malformedJsonIsABadRequest() {
        Response response = api.post("/api/v1/workers", ADMIN, ADMIN_PW, "{\"givenName\": ");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void searchingByDocumentNeedsTypeNumberAndCountry() {
        Response response = read("/api/v1/workers?documentType=PASSPORT");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.errorFields()).containsExactlyInAnyOrder("documentNumber", "issuingCountry");
    }

    @Test
    void pagesThroughWorkers() {
        registerWorker("LAO");
        registerWorker("LAO");

        Response page = eventually("/api/v1/workers?page=0&size=1", r -> r.json().path("workers").size() == 1);

        assertThat(page.json().path("size").asInt()).isEqualTo(1);
    }

    private String registeredWith(String type, String number, String country) {
        Map<String, Object> body = new java.util.HashMap<>(worker("MMR", type, number));
        body.put("documents", List.of(Map.of("type", type, "number", number, "issuingCountry", country)));
        Response created = admin("/api/v1/workers", body);
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        return created.json().path("workerId").asString();
    }
}
