package org.mekongledger.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mekongledger.support.ApiClient.Response;
import org.mekongledger.support.ApiTestBase;

class EmployersApiTest extends ApiTestBase {

    @Test
    void registersAnEmployerUnderItsSocialSecurityAccount() {
        Response created = admin("/api/v1/employers", Map.of("employerAccount", "1000000001", "name", "Chonburi Garments"));

        assertThat(created.status()).isEqualTo(201);
        Response employer = eventually("/api/v1/employers/1000000001", r -> r.status() == 200);
        assertThat(employer.json().path("name").asString()).isEqualTo("Chonburi Garments");
    }

    @Test
    void aSecondRegistrationOfTheSameAccountIsAConflict() {
        assertThat(admin("/api/v1/employers", Map.of("employerAccount", "1000000002", "name", "A")).status())
                .isEqualTo(201);
        long events = eventCount();

        Response again = admin("/api/v1/employers", Map.of("employerAccount", "1000000002", "name", "B"));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void anAccountMustHaveTenDigits() {
        Response response = admin("/api/v1/employers", Map.of("employerAccount", "12345", "name", "Short"));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.errorFields()).containsExactly("employerAccount");
    }

    @Test
    void anUnknownEmployerIsNotFound() {
        assertThat(read("/api/v1/employers/9999999999").status()).isEqualTo(404);
    }
}
