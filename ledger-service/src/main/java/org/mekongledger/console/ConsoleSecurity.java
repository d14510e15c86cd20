package org.mekongledger.console;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The console signs in with a form and keeps a session cookie, so unlike the stateless API it needs
 * CSRF protection (on: every form carries the token). Same users and roles as the API.
 */
@Configuration
class ConsoleSecurity {

    /** Before the API's chain, which would answer every path it does not know with 403. */
    @Bean
    @Order(1)
    SecurityFilterChain console(HttpSecurity http, AuthenticationManager authenticationManager) throws Exception {
        return http
                .securityMatcher("/console", "/console/**")
                .authenticationManager(authenticationManager)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/console/sign-in", "/console/assets/**").permitAll()
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
