package org.mekongledger.security;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.DispatcherType;

import org.mekongledger.web.IdempotencyFilter;
import org.mekongledger.web.ProblemWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/** Every /api call is authenticated; FUND_ADMIN writes, AUDITOR and EMBASSY_OFFICER read. */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);
    private static final String[] READERS = {"FUND_ADMIN", "AUDITOR", "EMBASSY_OFFICER"};
    private static final Duration REMEMBERED_FOR = Duration.ofMinutes(5);
    private static final long REMEMBERED_MAX = 10_000;
    private static final String[] API_DOCS = {"/openapi/**", "/swagger-ui/**", "/swagger-ui.html", "/v3/api-docs", "/v3/api-docs/**"};

    @Bean
    SecurityFilterChain api(HttpSecurity http, AuthenticationManager authenticationManager,
                            IdempotencyFilter idempotency, ProblemWriter problemWriter, Environment environment)
            throws Exception {
        ProblemAuthenticationResponses problems = new ProblemAuthenticationResponses(problemWriter);
        // the contract and its UI list every operation: open only on a developer's machine
        boolean apiDocsOpen = environment.acceptsProfiles(Profiles.of("local"));
        return http
                // a stateless JSON API with HTTP Basic: no cookies, so no CSRF token to steal
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
        List<UserDetails> users = new ArrayList<>();
        configured.users().forEach(user -> users.add(User.withUsername(user.name()).password(user.password())
                .roles(user.roles().stream().map(Enum::name).toArray(String[]::new)).build()));
        if (environment.acceptsProfiles(Profiles.of("local"))) {
            log.warn("Profile 'local': users admin, auditor and embassy-mmr have their user name as password. "
                    + "Never use this profile with real data.");
            // a user configured under the same name wins over the local default
            java.util.Set<String> configuredNames = new java.util.HashSet<>();
            users.forEach(user -> configuredNames.add(user.getUsername()));
            java.util.Map.of("admin", "FUND_ADMIN", "auditor", "AUDITOR", "embassy-mmr", "EMBASSY_OFFICER")
                    .forEach((name, role) -> {
                        if (!configuredNames.contains(name)) {
                            users.add(localUser(name, role, encoder));
                        }
                    });
        }
        return new InMemoryUserDetailsManager(users);
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

    private static UserDetails localUser(String name, String role, PasswordEncoder encoder) {
        return User.withUsername(name).password(encoder.encode(name)).roles(role).build();
    }
}
