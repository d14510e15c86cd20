package org.mekongledger.console;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The console signs in with a form and keeps a session cookie, so unlike the stateless API it needs
 * CSRF protection (on: every form carries the token). Same users and roles as the API.
 */
@Configuration
class ConsoleSecurity {

    /** Who may read workers, and claims, as in the API (SecurityConfiguration). */
    private static final String[] READERS = {"FUND_ADMIN", "AUDITOR", "EMBASSY_OFFICER", "CLAIMS_OFFICER", "APPROVER"};
    private static final String[] CLAIM_READERS = {"FUND_ADMIN", "AUDITOR", "EMBASSY_OFFICER", "CLAIMS_OFFICER",
            "APPROVER", "SETTLEMENT_OPERATOR"};

    /** Before the API's chain, which would answer every path it does not know with 403. */
    @Bean
    @Order(1)
    SecurityFilterChain console(HttpSecurity http, AuthenticationManager authenticationManager) throws Exception {
        return http
                .securityMatcher("/console", "/console/**")
                .authenticationManager(authenticationManager)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/console/sign-in", "/console/assets/**").permitAll()
                        // the same roles as the API's claims resource: who files, who decides, who reads
                        .requestMatchers("/console/workers/*/claims", "/console/workers/*/claims/**")
                                .hasAnyRole("CLAIMS_OFFICER", "EMBASSY_OFFICER")
                        .requestMatchers(HttpMethod.POST, "/console/claims/*/approval", "/console/claims/*/rejection")
                                .hasRole("APPROVER")
                        .requestMatchers("/console/claims", "/console/claims/**").hasAnyRole(CLAIM_READERS)
                        .requestMatchers("/console/workers", "/console/workers/**").hasAnyRole(READERS)
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/console/sign-in").loginProcessingUrl("/console/sign-in")
                        .defaultSuccessUrl("/console/workers", true).failureUrl("/console/sign-in?failed").permitAll())
                .logout(logout -> logout.logoutUrl("/console/sign-out").logoutSuccessUrl("/console/sign-in?signedOut"))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        // every asset comes from the service itself: no CDN at run time
                        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'")))
                .build();
    }
}
