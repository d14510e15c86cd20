package org.mekongledger.security;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.DispatcherType;

import org.mekongledger.web.IdempotencyFilter;
import org.mekongledger.web.ProblemWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.SingleResultAuthorizationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Every /api call is authenticated. FUND_ADMIN keeps the registers and filings; CLAIMS_OFFICER files
 * claims, APPROVER decides them, SETTLEMENT_OPERATOR (the batch) reports their payment; AUDITOR reads
 * everything and the audit trail; EMBASSY_OFFICER reads and files for its nationals (scoped further in).
 * Sign-in is HTTP Basic for configured users (and the {@code local} profile's), and with an OIDC
 * issuer configured also a bearer token ({@link BearerConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);
    /** Who may read workers, their ledgers and entitlements (embassy officers their nationals only). */
    private static final String[] READERS = {"FUND_ADMIN", "AUDITOR", "EMBASSY_OFFICER", "CLAIMS_OFFICER", "APPROVER"};
    private static final String[] CLAIM_READERS = {"FUND_ADMIN", "AUDITOR", "EMBASSY_OFFICER", "CLAIMS_OFFICER",
            "APPROVER", "SETTLEMENT_OPERATOR"};

    /** The roles that may read workers: the console grants its pages to the same. */
    public static String[] readers() {
        return READERS.clone();
    }

    /** The roles that may read claims: the console's claim pages too. */
    public static String[] claimReaders() {
        return CLAIM_READERS.clone();
    }
    /** The local profile's users: name -> role and, for embassy officers, nationality. */
    private static final Map<String, List<String>> LOCAL_USERS = localUsers();
    private static final Duration REMEMBERED_FOR = Duration.ofMinutes(5);
    private static final long REMEMBERED_MAX = 10_000;
    private static final String[] API_DOCS = {"/openapi/**", "/swagger-ui/**", "/swagger-ui.html", "/v3/api-docs", "/v3/api-docs/**"};

    private static Map<String, List<String>> localUsers() {
        Map<String, List<String>> users = new LinkedHashMap<>();
        users.put("admin", List.of("FUND_ADMIN"));
        users.put("auditor", List.of("AUDITOR"));
        users.put("embassy-mmr", List.of("EMBASSY_OFFICER", "MMR"));
        users.put("embassy-khm", List.of("EMBASSY_OFFICER", "KHM"));
        users.put("officer", List.of("CLAIMS_OFFICER"));
        users.put("approver", List.of("APPROVER"));
        users.put("settlement", List.of("SETTLEMENT_OPERATOR"));
        return Map.copyOf(users);
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, AuthenticationManager authenticationManager,
                            IdempotencyFilter idempotency, ProblemWriter problemWriter, Environment environment,
                            ObjectProvider<BearerSignIn> bearer)
            throws Exception {
        BearerSignIn bearerSignIn = bearer.getIfAvailable();
        ProblemAuthenticationResponses problems = new ProblemAuthenticationResponses(problemWriter, bearerSignIn != null);
        if (bearerSignIn != null) {
            // tokens have their own authentication manager: never the password check or its throttle
            http.oauth2ResourceServer(tokens -> tokens
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems)
                    .jwt(jwt -> jwt.authenticationManager(bearerSignIn.authenticationManager())));
        }
        // the contract and its UI list every operation: open only on a developer's machine
        boolean apiDocsOpen = environment.acceptsProfiles(Profiles.of("local"));
        return http
                // a stateless JSON API with HTTP Basic or bearer tokens: no cookies, so no CSRF token to steal
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authenticationManager(authenticationManager)
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(requests -> requests
                        // the error page renders a failure already decided; refusing it would turn it into a 403
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers(API_DOCS).access(apiDocsOpen ? SingleResultAuthorizationManager.permitAll()
                                : AuthorityAuthorizationManager.hasAnyRole(READERS))
                        .requestMatchers("/actuator/metrics", "/actuator/metrics/**").hasAnyRole("FUND_ADMIN", "AUDITOR")
                        .requestMatchers("/api/v1/ledger/reconciliation").hasRole("FUND_ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/v1/audit", "/api/v1/audit/**").hasAnyRole("FUND_ADMIN", "AUDITOR")
                        // filings list many workers of every nationality: the fund's and its auditors' business
                        .requestMatchers(HttpMethod.GET, "/api/v1/contribution-filings/**").hasAnyRole("FUND_ADMIN", "AUDITOR")
                        .requestMatchers(HttpMethod.GET, "/api/v1/claims", "/api/v1/claims/**").hasAnyRole(CLAIM_READERS)
                        .requestMatchers(HttpMethod.POST, "/api/v1/claims").hasAnyRole("CLAIMS_OFFICER", "EMBASSY_OFFICER")
                        .requestMatchers(HttpMethod.POST, "/api/v1/claims/*/approval", "/api/v1/claims/*/rejection")
                                .hasRole("APPROVER")
                        .requestMatchers(HttpMethod.POST, "/api/v1/claims/*/cancellation")
                                .hasAnyRole("CLAIMS_OFFICER", "EMBASSY_OFFICER", "APPROVER")
                        // the settlement batch: what it may pay, what it instructed, what the bank said
                        .requestMatchers("/api/v1/settlement/payable-claims", "/api/v1/settlement/schedulings",
                                "/api/v1/settlement/bank-outcomes").hasRole("SETTLEMENT_OPERATOR")
                        .requestMatchers(HttpMethod.GET, "/api/v1/settlement/runs/**")
                                .hasAnyRole("SETTLEMENT_OPERATOR", "AUDITOR", "FUND_ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/v1/fx-rates", "/api/v1/fx-rates/**")
                                .hasAnyRole("FUND_ADMIN", "SETTLEMENT_OPERATOR", "AUDITOR")
                        .requestMatchers(HttpMethod.PUT, "/api/v1/fx-rates/**").hasRole("FUND_ADMIN")
                        // an embassy officer records a national's departure or return (the type is checked further in)
                        .requestMatchers(HttpMethod.POST, "/api/v1/workers/*/events")
                                .hasAnyRole("FUND_ADMIN", "CLAIMS_OFFICER", "EMBASSY_OFFICER")
                        .requestMatchers(HttpMethod.GET, "/api/**").hasAnyRole(READERS)
                        // a simulation records nothing: anyone who may read may ask "what if"
                        .requestMatchers(HttpMethod.POST, "/api/v1/entitlements/simulations").hasAnyRole(READERS)
                        .requestMatchers("/api/**").hasRole("FUND_ADMIN")
                        .anyRequest().denyAll())
                .addFilterAfter(idempotency, AuthorizationFilter.class)
                .build();
    }

    /** Picked up by Spring Security's filter chain proxy for firewall rejections. */
    @Bean
    RequestRejectedHandler malformedRequests(ProblemWriter problemWriter) {
        return new MalformedRequests(problemWriter);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService users(LedgerUsers configured, PasswordEncoder encoder, Environment environment) {
        Map<String, ConfiguredUsers.NationalUser> users = new LinkedHashMap<>();
        configured.users().forEach(user -> users.put(user.name(), new ConfiguredUsers.NationalUser(user.name(),
                user.password(), authorities(user.roles().stream().map(Enum::name).toList()), user.nationality())));
        if (environment.acceptsProfiles(Profiles.of("local"))) {
            log.warn("Profile 'local': users {} have their user name as password. Never use this profile with real data.",
                    LOCAL_USERS.keySet());
            // a user configured under the same name wins over the local default
            LOCAL_USERS.forEach((name, roleAndNationality) -> users.computeIfAbsent(name,
                    absent -> new ConfiguredUsers.NationalUser(name, encoder.encode(name),
                            authorities(List.of(roleAndNationality.get(0))),
                            roleAndNationality.size() > 1 ? roleAndNationality.get(1) : null)));
        }
        return new ConfiguredUsers(users);
    }

    /**
     * A remembered success answers first (so a client already signed in keeps working while its
     * name is flooded); then the throttle refuses a flooded name before bcrypt runs.
     */
    @Bean
    AuthenticationManager authenticationManager(UserDetailsService users, PasswordEncoder encoder,
                                                LoginThrottleSettings throttle, Clock clock) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(encoder);
        return new ProviderManager(new RememberedAuthentications(new LoginThrottle(passwords, throttle, clock),
                REMEMBERED_FOR, REMEMBERED_MAX, clock));
    }

    private static List<GrantedAuthority> authorities(List<String> roles) {
        return roles.stream().<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
    }
}
