package org.mekongledger.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mekongledger.security.LedgerUsers.Role;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.yaml.snakeyaml.Yaml;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Keycloak realm a deployer tries bearer sign-in with (deploy/keycloak) gives the tokens what
 * the service reads, and deploy/compose.yaml points the service at it.
 */
class KeycloakRealmExportTest {

    private static final Path DEPLOY = Path.of("..", "deploy");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JsonNode realm = JSON.readTree(DEPLOY.resolve("keycloak/mekong-realm.json").toFile());

    @Test
    void theRealmHasTheSixLedgerRolesAndAnExampleUserForEach() {
        List<String> roles = new ArrayList<>();
        realm.path("roles").path("realm").forEach(role -> roles.add(role.path("name").asString()));
        List<String> held = new ArrayList<>();
        realm.path("users").forEach(user -> user.path("realmRoles").forEach(role -> held.add(role.asString())));

        assertThat(realm.path("realm").asString()).isEqualTo("mekong");
        assertThat(roles).containsExactlyInAnyOrderElementsOf(Arrays.stream(Role.values()).map(Enum::name).toList());
        assertThat(held).containsAll(roles);
        assertThat(realm.path("displayName").asString()).contains("DEMO");
    }

    @Test
    void embassyUsersCarryTheirNationalityWhichOnlyAdministratorsMaySet() {
        Map<String, String> nationalities = new HashMap<>();
        realm.path("users").forEach(user -> {
            if (user.path("realmRoles").toString().contains("EMBASSY_OFFICER")) {
                nationalities.put(user.path("username").asString(), user.path("attributes").path("nationality").path(0).asString());
            }
        });
        assertThat(nationalities).containsEntry("embassy-mmr", "MMR").containsEntry("embassy-khm", "KHM");

        JsonNode userProfile = JSON.readTree(realm.path("components").path("org.keycloak.userprofile.UserProfileProvider")
                .path(0).path("config").path("kc.user.profile.config").path(0).asString());
        JsonNode nationality = null;
        for (JsonNode attribute : userProfile.path("attributes")) {
            if (attribute.path("name").asString().equals("nationality")) {
                nationality = attribute;
            }
        }
        assertThat(nationality).as("nationality in the user profile").isNotNull();
        assertThat(nationality.path("permissions").path("edit").toString()).isEqualTo("[\"admin\"]");
    }

    @Test
    void theClientPutsRolesNationalityAndAudienceWhereTheServiceReadsThem() throws IOException {
        PropertySource<?> settings = new YamlPropertySourceLoader()
                .load("application.yml", new ClassPathResource("application.yml")).get(0);
        Map<String, JsonNode> mappers = new HashMap<>();
        realm.path("clients").path(0).path("protocolMappers").forEach(mapper -> mappers.put(mapper.path("name").asString(), mapper));

        JsonNode nationality = mappers.get("nationality");
        assertThat(nationality.path("protocolMapper").asString()).isEqualTo("oidc-usermodel-attribute-mapper");
        assertThat(nationality.path("config").path("user.attribute").asString()).isEqualTo("nationality");
        assertThat(nationality.path("config").path("claim.name").asString())
                .isEqualTo(settings.getProperty("ledger.security.oidc.nationality-claim"));
        assertThat(nationality.path("config").path("access.token.claim").asString()).isEqualTo("true");
        JsonNode roles = mappers.get("realm roles");
        assertThat(roles.path("protocolMapper").asString()).isEqualTo("oidc-usermodel-realm-role-mapper");
        assertThat(roles.path("config").path("claim.name").asString())
                .isEqualTo(settings.getProperty("ledger.security.oidc.roles-claim"));
        assertThat(mappers.get("username").path("config").path("claim.name").asString())
                .isEqualTo(settings.getProperty("ledger.security.oidc.name-claim"));

        Map<String, String> service = composeEnvironment("ledger-service");
        assertThat(mappers.get("ledger audience").path("config").path("included.custom.audience").asString())
                .isEqualTo(service.get("LEDGER_SECURITY_OIDC_AUDIENCE"));
        assertThat(service.get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI"))
                .isEqualTo(composeEnvironment("keycloak").get("KC_HOSTNAME") + "/realms/mekong");
        assertThat(service.get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWKSETURI"))
                .startsWith("http://keycloak:8080/realms/mekong/");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> composeEnvironment(String service) throws IOException {
        try (Reader compose = Files.newBufferedReader(DEPLOY.resolve("compose.yaml"))) {
            Map<String, Object> file = new Yaml().load(compose);
            Map<String, Object> services = (Map<String, Object>) file.get("services");
            Map<String, Object> environment = (Map<String, Object>) ((Map<String, Object>) services.get(service)).get("environment");
            Map<String, String> values = new HashMap<>();
            environment.forEach((name, value) -> values.put(name, String.valueOf(value)));
            return values;
        }
    }
}
