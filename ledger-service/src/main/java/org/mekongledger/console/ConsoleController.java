package org.mekongledger.console;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.mekongledger.api.DocumentType;
import org.mekongledger.api.IdentityDocument;
import org.mekongledger.assessment.WorkerEntitlements;
import org.mekongledger.audit.AuditTrail;
import org.mekongledger.claims.VisibleClaims;
import org.mekongledger.security.LedgerUsers.Role;
import org.mekongledger.entitlement.Entitlement;
import org.mekongledger.registry.WorkerQueries;
import org.mekongledger.rulelibrary.RuleLibrary;
import org.mekongledger.security.Officer;
import org.mekongledger.vocabulary.LifeEventType;
import org.mekongledger.web.contract.model.Worker;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The embassy officer's desk: find a worker by any document, however its number is typed, and see
 * who they are and what they are owed today and if they leave for good today, step by step. An
 * embassy officer sees only their nationals, exactly as the API enforces, and every read of a worker
 * is recorded in the audit trail.
 */
@Controller
class ConsoleController implements ConsolePage {

    private static final String READ = "console";
    private static final int CLAIMS_SHOWN = 20;

    private final WorkerQueries workers;
    private final VisibleWorkers visible;
    private final WorkerEntitlements entitlements;
    private final RuleLibrary rules;
    private final AuditTrail audit;
    /** The fund's clock, in its time zone: "today" is a Bangkok day. */
    private final java.time.Clock clock;
    private final PlainSteps words;
    private final VisibleClaims claims;

    ConsoleController(WorkerQueries workers, VisibleWorkers visible, WorkerEntitlements entitlements, RuleLibrary rules, AuditTrail audit,
                      java.time.Clock clock, PlainSteps words, VisibleClaims claims) {
        this.words = words;
        this.visible = visible;
        this.claims = claims;
        this.workers = workers;
        this.entitlements = entitlements;
        this.rules = rules;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/console")
    String home() {
        return "redirect:/console/workers";
    }

    @GetMapping("/console/workers")
    String find(@RequestParam Optional<String> documentType, @RequestParam Optional<String> documentNumber,
                @RequestParam Optional<String> issuingCountry, Model model) {
        model.addAttribute("documentTypes", DocumentType.values());
        model.addAttribute("documentType", documentType.orElse("PINK_CARD"));
        model.addAttribute("documentNumber", documentNumber.orElse(""));
        model.addAttribute("issuingCountry", issuingCountry.orElse("THA"));
        if (documentNumber.filter(n -> !n.isBlank()).isPresent()) {
            Officer officer = Officer.current();
            List<Worker> found = search(documentType.orElse("PINK_CARD"), documentNumber.get(),
                    issuingCountry.orElse("THA"), officer);
            audit.recordReads(officer, found.stream().map(Worker::getWorkerId).toList(), READ);
            model.addAttribute("found", found);
            model.addAttribute("searched", true);
        }
        return "console/workers";
    }

    @GetMapping("/console/workers/{id}")
    String worker(@PathVariable("id") String workerId, @RequestParam Optional<String> leavingOn, Locale locale,
                  Model model) {
        Officer officer = Officer.current();
        Worker worker = visible.worker(workerId);
        audit.recordRead(officer, workerId, READ);
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("worker", worker);
        model.addAttribute("born", ConsoleDates.format(worker.getDateOfBirth(), locale));
        model.addAttribute("lifeEvents", entitlements.lifeEvents(workerId).stream()
                .map(e -> new LifeEventLine(e.type().name(), ConsoleDates.format(e.date(), locale), e.country())).toList());
        LocalDate leaving = departure(leavingOn.orElse(""), today, model);
        model.addAttribute("leavingOn", leaving);
        // a departure still to come can be worked out, not claimed: a claim rests on what has happened
        model.addAttribute("parts", List.of(
                new Part("worker.entitlementsToday", ConsoleDates.format(today, locale), null,
                        view(entitlements.ofWorker(workerId, today, null).orElse(List.of()), locale)),
                new Part("worker.entitlementsLeaving", ConsoleDates.format(leaving, locale),
                        leaving.isAfter(today) ? null : leaving,
                        view(entitlements.ofWorker(workerId, leaving, LifeEventType.PERMANENT_DEPARTURE)
                                .orElse(List.of()), locale))));
        model.addAttribute("claims", claims.read(null, workerId, null, 0, CLAIMS_SHOWN).claims().stream()
                .map(c -> ClaimDesk.ClaimLine.of(c, locale, clock.getZone())).toList());
        model.addAttribute("mayFile", officer.roles().contains(Role.EMBASSY_OFFICER)
                || officer.roles().contains(Role.CLAIMS_OFFICER));
        return "console/worker";
    }

    /** A recorded life event as the page lists it: its kind (a bundle's {@code lifeEvent.<type>}), the day, the country. */
    record LifeEventLine(String type, String on, String country) {
    }

    /**
     * A heading and the entitlements under it: today, and if the worker left for good on a day (today
     * unless the officer asks about another).
     *
     * @param departure the departure a claim filed from here rests on; null when none may be filed (no
     *                  departure, or one still to come)
     */
    record Part(String titleKey, String on, java.time.LocalDate departure, List<EntitlementView> entitlements) {
    }

    /** The day the officer asks about, or today; a day that is not one, or out of range, is said and today is used. */
    private static LocalDate departure(String asked, LocalDate today, Model model) {
        if (asked.isBlank()) {
            return today;
        }
        List<org.mekongledger.api.Violation> wrong = new java.util.ArrayList<>();
        try {
            LocalDate day = LocalDate.parse(asked.strip());
            org.mekongledger.web.PlausibleDates.inSimulation("leavingOn", day, wrong);
            if (wrong.isEmpty()) {
                return day;
            }
        } catch (java.time.format.DateTimeParseException notADate) {
            // said below
        }
        model.addAttribute("leavingOnRefused", asked);
        return today;
    }

    private List<Worker> search(String type, String number, String country, Officer officer) {
        DocumentType documentType;
        try {
            documentType = DocumentType.valueOf(type);
        } catch (IllegalArgumentException unknown) {
            return List.of();
        }
        IdentityDocument wanted = new IdentityDocument(documentType, number, country, null);
        return workers.byDocument(wanted.key(), officer.limitedTo());
    }

    private List<EntitlementView> view(List<Entitlement> found, Locale locale) {
        return found.stream().map(e -> EntitlementView.of(e, locale, rules, words)).toList();
    }
}
