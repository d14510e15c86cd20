package org.mekongledger.security;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** Bearer tokens are accepted only when an issuer or a JWK set URI is configured (not blank). */
final class OnOidcIssuer implements Condition {

    static final String ISSUER_URI = "spring.security.oauth2.resourceserver.jwt.issuer-uri";
    static final String JWK_SET_URI = "spring.security.oauth2.resourceserver.jwt.jwk-set-uri";

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return StringUtils.hasText(context.getEnvironment().getProperty(ISSUER_URI))
                || StringUtils.hasText(context.getEnvironment().getProperty(JWK_SET_URI));
    }
}
