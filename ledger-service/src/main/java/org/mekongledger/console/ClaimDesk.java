package org.mekongledger.console;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.mekongledger.api.ClaimGround;
import org.mekongledger.api.ClaimStatus;
import org.mekongledger.api.ConflictWithRecord;
import org.mekongledger.api.SeparationOfDuties;
import org.mekongledger.api.Payee;
import org.mekongledger.api.PaymentChannel;
import org.mekongledger.api.RequestRefused;
import org.mekongledger.api.Violation;
import org.mekongledger.axon.ConcurrentChangeConflict;
import org.axonframework.common.lock.LockAcquisitionFailedException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.mekongledger.claims.ClaimApplication;
import org.mekongledger.claims.ClaimDecisions;
import org.mekongledger.claims.ClaimFiling;
import org.mekongledger.claims.ClaimMessages;
import org.mekongledger.claims.ClaimView;
import org.mekongledger.claims.VisibleClaims;
import org.mekongledger.security.Officer;
import org.mekongledger.vocabulary.LifeEventType;
import org.mekongledger.web.contract.model.Worker;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Claims at the console: an embassy officer or claims officer files a national's claim with the
 * payee's details for the channel chosen; anyone who may read claims sees where one stands; an
 * approver works through the queue of filed claims, with a payee whose name differs from the
 * worker's flagged. The same services as the API decide everything: scoping, maker-checker, the
 * payee checks, what the claim is worth.
 */
@Controller
class ClaimDesk implements ConsolePage {

    private static final int QUEUE_PAGE = 50;

    private final ClaimFiling filing;
    private final ClaimDecisions decisions;
    private final VisibleClaims claims;
    private final VisibleWorkers workers;
    private final java.time.Clock clock;

    ClaimDesk(ClaimFiling filing, ClaimDecisions decisions, VisibleClaims claims, VisibleWorkers workers,
              java.time.Clock clock) {
        this.filing = filing;
        this.decisions = decisions;
        this.claims = claims;
        this.workers = workers;
        this.clock = clock;
    }

    @GetMapping("/console/workers/{id}/claims/new")
    String form(@PathVariable("id") String workerId, @RequestParam String scheme, @RequestParam String benefit,
                @RequestParam Optional<String> departure, Model model) {
        Worker worker = workers.worker(workerId);
        // the departure the page worked the entitlement out for; the form shows it and the officer may correct it
        LocalDate departed = departure.flatMap(ClaimDesk::day).orElse(null);
        ClaimForm form = ClaimForm.blank(scheme, benefit, departed, departed == null ? null : worker.getNationality(), worker);
        return show(model, worker, form, List.of());
    }

    @PostMapping("/console/workers/{id}/claims")
    String file(@PathVariable("id") String workerId, @ModelAttribute("form") ClaimForm form, BindingResult binding,
                Model model, RedirectAttributes redirect, jakarta.servlet.http.HttpServletResponse response) {
        Worker worker = workers.worker(workerId);
        List<Violation> refused = new ArrayList<>();
        binding.getFieldErrors().forEach(e -> refused.add(new Violation(e.getField(), "not a valid value")));
        HttpStatus status = HttpStatus.UNPROCESSABLE_CONTENT;
        if (refused.isEmpty()) {
            try {
                String claimId = filing.file(form.application(workerId, LocalDate.now(clock)));
                redirect.addFlashAttribute("filed", true);
                return "redirect:/console/claims/" + claimId;
            } catch (RequestRefused e) {
                refused.addAll(e.violations());
            } catch (ConflictWithRecord e) {
                // e.g. the worker already has this lump sum claimed: said in the account's words, with the claim named
                status = HttpStatus.CONFLICT;
                refused.add(new Violation("claim", e.getMessage()));
            } catch (ConcurrentChangeConflict | ConcurrencyException | LockAcquisitionFailedException e) {
                // a second click while the first was being recorded: this one recorded nothing
                status = HttpStatus.CONFLICT;
                refused.add(new Violation("claim", "the worker's record was being changed at the same moment and"
                        + " nothing was recorded by this request; look at the worker's claims before filing again"));
            }
        }
        response.setStatus(status.value());
        return show(model, worker, form, refused);
    }

    @GetMapping("/console/claims/{claimId}")
    String claim(@PathVariable String claimId, Model model, Locale locale) {
        ClaimView claim = claims.read(claimId);
        model.addAttribute("claim", ClaimLine.of(claim, locale, clock.getZone()));
        model.addAttribute("history", claim.history());
        model.addAttribute("mayDecide", claim.status() == ClaimStatus.FILED
                && Officer.current().roles().contains(org.mekongledger.security.LedgerUsers.Role.APPROVER));
        return "console/claim";
    }

    @PostMapping("/console/claims/{claimId}/approval")
    String approve(@PathVariable String claimId, RedirectAttributes redirect) {
        decide(() -> decisions.approve(claimId, null), redirect);
        return "redirect:/console/claims/" + claimId;
    }

    @PostMapping("/console/claims/{claimId}/rejection")
    String reject(@PathVariable String claimId, @RequestParam(defaultValue = "") String reason,
                  RedirectAttributes redirect) {
        // a blank or overlong reason is the account's to refuse, as through the API
        decide(() -> decisions.reject(claimId, reason), redirect);
        return "redirect:/console/claims/" + claimId;
    }

    /**
     * Filed claims waiting for an approver (the approver's work list), or the claims of another
     * status; newest first, as the claims list gives them, 50 a page, with how many there are in all.
     * A status that is not one shows the filed claims.
     */
    @GetMapping("/console/claims")
    String queue(@RequestParam(defaultValue = "FILED") String status, @RequestParam(defaultValue = "0") int page,
                 Model model, Locale locale) {
        ClaimStatus shown = java.util.Arrays.stream(ClaimStatus.values()).filter(s -> s.name().equals(status))
                .findFirst().orElse(ClaimStatus.FILED);
        int number = Math.max(0, page);
        ClaimView.Page found = claims.read(shown, null, null, number, QUEUE_PAGE);
        model.addAttribute("status", shown);
        model.addAttribute("page", number);
        model.addAttribute("pages", Math.max(1, (found.total() + QUEUE_PAGE - 1) / QUEUE_PAGE));
        model.addAttribute("statuses", ClaimStatus.values());
        model.addAttribute("claims", found.claims().stream().map(c -> ClaimLine.of(c, locale, clock.getZone())).toList());
        model.addAttribute("total", found.total());
        return "console/claims";
    }

    private static Optional<LocalDate> day(String text) {
        try {
            return Optional.of(LocalDate.parse(text.strip()));
        } catch (java.time.format.DateTimeParseException notADay) {
            return Optional.empty();
        }
    }

    /** The maker-checker and state refusals come back as the account's words, shown on the claim's page. */
    private static void decide(Runnable decision, RedirectAttributes redirect) {
        try {
            decision.run();
            redirect.addFlashAttribute("decided", true);
        } catch (RequestRefused e) {
            // flash attributes travel in the session, which is in the database: plain strings only
            redirect.addFlashAttribute("refused", e.violations().stream().map(Violation::message).toList());
        } catch (ConflictWithRecord | SeparationOfDuties | ConcurrentChangeConflict | ConcurrencyException e) {
            // decided already, or by the officer who filed it, or at the same moment as someone else
            redirect.addFlashAttribute("refused", List.of(e.getMessage()));
        }
    }

    private String show(Model model, Worker worker, ClaimForm form, List<Violation> refused) {
        model.addAttribute("worker", worker);
        model.addAttribute("form", form);
        model.addAttribute("channels", PaymentChannel.values());
        Map<String, String> errors = new LinkedHashMap<>();
        for (Violation v : refused) {
            errors.merge(ClaimForm.fieldOf(v.field()), v.message(), (a, b) -> a + "; " + b);
        }
        model.addAttribute("errors", errors);
        return "console/claim-form";
    }

    /**
     * What the claim form posts. Only the chosen channel's fields reach the payee: the others stay on
     * the page for a change of mind but would make the payee ambiguous.
     */
    record ClaimForm(String scheme, String benefit,
                     @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
                     LocalDate departureDate, String destination, String payeeName, PaymentChannel channel,
                     String country, String currency, String bankBic, String bankCode, String accountNumber,
                     String walletProvider, String msisdn, String pickupPoint) {

        static ClaimForm blank(String scheme, String benefit, LocalDate departure, String destination, Worker worker) {
            String home = worker.getNationality();
            return new ClaimForm(scheme, benefit, departure, destination,
                    worker.getGivenName() + " " + worker.getFamilyName(), null, home, HOME_CURRENCY.get(home),
                    null, null, null, null, null, null);
        }

        ClaimApplication application(String workerId, LocalDate today) {
            ClaimGround ground = departureDate == null ? null
                    : new ClaimGround(LifeEventType.PERMANENT_DEPARTURE, departureDate, upper(destination));
            Payee payee = new Payee(payeeName == null ? null : payeeName.strip(), channel, upper(country), upper(currency),
                    only(PaymentChannel.BANK_ACCOUNT, upper(bankBic)), only(PaymentChannel.BANK_ACCOUNT, trimmed(bankCode)),
                    only(PaymentChannel.BANK_ACCOUNT, trimmed(accountNumber)),
                    only(PaymentChannel.MOBILE_WALLET, trimmed(walletProvider)),
                    only(PaymentChannel.MOBILE_WALLET, trimmed(msisdn)), only(PaymentChannel.CASH_PICKUP, trimmed(pickupPoint)));
            return new ClaimApplication(workerId, scheme, benefit, today, ground, payee);
        }

        private String only(PaymentChannel of, String value) {
            return of == channel ? value : null;
        }

        /** The form's field a violation names: "payee.accountNumber" is the field accountNumber, "ground.date" departureDate. */
        static String fieldOf(String violation) {
            return switch (violation) {
                case "payee.name" -> "payeeName";
                case "ground.date", "asOf" -> "departureDate";
                case "ground.country" -> "destination";
                default -> violation.startsWith("payee.") ? violation.substring("payee.".length()) : violation;
            };
        }

        private static String trimmed(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }

        private static String upper(String value) {
            String t = trimmed(value);
            return t == null ? null : t.toUpperCase(Locale.ROOT);
        }
    }

    /** The currency a returnee is usually paid in at home; the officer may choose another the country pays out in. */
    private static final Map<String, String> HOME_CURRENCY = Map.of(
            "MMR", "MMK", "KHM", "KHR", "LAO", "LAK", "VNM", "VND", "THA", "THB");

    /** One claim as a row or page of the console: amounts in the officer's locale, the name check visible. */
    record ClaimLine(String claimId, String workerId, String workerName, String nationality, String benefit,
                     String status, String amount, String payeeName, String channel, boolean payeeNameMatches,
                     String filedBy, String filedAt, String decidedBy, String reason, boolean filedLate) {

        static ClaimLine of(ClaimView c, Locale locale, java.time.ZoneId fundZone) {
            return new ClaimLine(c.claimId(), c.workerId(), c.workerName(), c.nationality(), c.benefit(),
                    c.status().name(),
                    EntitlementView.money(c.amount(), java.util.Currency.getInstance(c.currency()), locale),
                    c.payee().name(), c.payee().channel().name(), c.payeeNameMatches(), c.filedBy(),
                    ConsoleDates.format(c.filedAt() == null ? null : LocalDate.ofInstant(c.filedAt(), fundZone), locale),
                    c.decidedBy(), c.reason(), ClaimMessages.filedLate(c));
        }
    }
}
