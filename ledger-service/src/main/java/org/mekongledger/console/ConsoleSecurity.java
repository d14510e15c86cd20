package org.mekongledger.console;

import org.mekongledger.security.OfficerClaims;
import org.mekongledger.security.SecurityConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import java.util.List;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The console signs in with a form and keeps a session cookie, so unlike the stateless API it needs
 * CSRF protection (on: every form carries the token). Same users and roles as the API; with an OIDC
 * client registration configured ({@code spring.security.oauth2.client.registration.console.*}),
 * officers may also sign in through the identity provider.
 */
@Configuration
class ConsoleSecurity {

    /** Before the API's chain, which would answer every path it does not know with 403. */
    @Bean
    @Order(1)
    SecurityFilterChain console(HttpSecurity http, AuthenticationManager authenticationManager,
                                ObjectProvider<ClientRegistrationRepository> registrations, OfficerClaims claims)
            throws Exception {
        AuthenticationManager signIns = authenticationManager;
        ClientRegistrationRepository configured = registrations.getIfAvailable();
        ClientRegistration registration = configured == null ? null : configured.findByRegistrationId(SignInPage.REGISTRATION);
        if (registration != null) {
            // the identity provider's sign-in as well as the form, under /console so this chain handles
            // it: the provider sends the officer back to the console's own address, whatever was configured
            ClientRegistration console = ClientRegistration.withClientRegistration(registration)
                    .redirectUri("{baseUrl}/console/oauth2/code/{registrationId}").build();
            // the provider's code is checked here (ID token signature, issuer, audience, nonce); passwords as before
            signIns = new ProviderManager(List.of(new OidcAuthorizationCodeAuthenticationProvider(
                    new RestClientAuthorizationCodeTokenResponseClient(), new ConsoleOfficers(claims))), authenticationManager);
            http.oauth2Login(oidc -> oidc.loginPage("/console/sign-in")
                    .clientRegistrationRepository(new InMemoryClientRegistrationRepository(console))
                    .authorizationEndpoint(a -> a.baseUri(SignInPage.OIDC_START))
                    .redirectionEndpoint(r -> r.baseUri("/console/oauth2/code/*"))
                    .defaultSuccessUrl("/console/workers", true)
                    .failureHandler((request, response, failure) -> {
                        // the provider's error code (invalid_nonce, access_denied, ...) says what went wrong; never the token
                        String code = failure instanceof org.springframework.security.oauth2.core.OAuth2AuthenticationException oauth
                                ? oauth.getError().getErrorCode() : "sign_in_failed";
                        response.sendRedirect(request.getContextPath() + "/console/sign-in?oidcFailed="
                                + java.net.URLEncoder.encode(code, java.nio.charset.StandardCharsets.UTF_8));
                    }));
        }
        return http
                .securityMatcher("/console", "/console/**")
                .authenticationManager(signIns)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/console/sign-in", "/console/assets/**", "/console/oauth2/**").permitAll()
                        // the same roles as the API's claims resource: who files, who decides, who reads
                        .requestMatchers("/console/workers/*/claims", "/console/workers/*/claims/**")
                                .hasAnyRole("CLAIMS_OFFICER", "EMBASSY_OFFICER")
                        .requestMatchers(HttpMethod.POST, "/console/claims/*/approval", "/console/claims/*/rejection")
                                .hasRole("APPROVER")
                        .requestMatchers("/console/claims", "/console/claims/**").hasAnyRole(SecurityConfiguration.claimReaders())
                        .requestMatchers("/console/workers", "/console/workers/**").hasAnyRole(SecurityConfiguration.readers())
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
