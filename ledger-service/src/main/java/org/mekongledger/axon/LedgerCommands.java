package org.mekongledger.axon;

import java.util.Map;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Sends a command on behalf of the signed-in user, whose name every resulting event carries. */
@Component
public class LedgerCommands {

    /** Metadata key naming who sent a command; every event the command causes carries it. */
    public static final String ACTOR = "actor";

    private final CommandGateway gateway;

    LedgerCommands(CommandGateway gateway) {
        this.gateway = gateway;
    }

    public <R> R send(Object command) {
        return sendAs(currentActor(), command);
    }

    /** For work no signed-in user does, such as seeding demo data. */
    public <R> R sendAs(String actor, Object command) {
        return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(Map.of(ACTOR, actor)));
    }

    private static String currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "system" : authentication.getName();
    }
}
