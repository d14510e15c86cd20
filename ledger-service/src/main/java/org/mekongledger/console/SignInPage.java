package org.mekongledger.console;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in form, and the identity provider's button beside it when one is configured. */
@Controller
class SignInPage implements ConsolePage {

    /** Where the provider's sign-in starts; the registration's id follows. */
    static final String OIDC_START = "/console/oauth2/authorization";
    static final String REGISTRATION = "console";

    private final boolean oidc;

    SignInPage(ObjectProvider<ClientRegistrationRepository> registrations) {
        ClientRegistrationRepository configured = registrations.getIfAvailable();
        this.oidc = configured != null && configured.findByRegistrationId(REGISTRATION) != null;
    }

    @GetMapping("/console/sign-in")
    String signIn(Model model) {
        model.addAttribute("oidcStart", oidc ? OIDC_START + "/" + REGISTRATION : null);
        return "console/sign-in";
    }
}
